package org.billing.invoicing.numbering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberPatternTest {

    private static final LocalDate SOME_DAY_OF_2010 = LocalDate.of(2010, 3, 7);

    @Test
    void theExampleOfSeed003() {
        NumberPattern pattern = NumberPattern.of("%num%/%year%");

        assertEquals("100001/2010", pattern.format(100001, 0, SOME_DAY_OF_2010));
        assertEquals("100002/2010", pattern.format(100002, 0, SOME_DAY_OF_2010));
        assertEquals("100003/2010", pattern.format(100003, 0, SOME_DAY_OF_2010));
    }

    @Test
    void monthAndDayHaveTwoDigitsAndLiteralsAreKept() {
        NumberPattern pattern = NumberPattern.of("INV %year%.%mon%.%mday% #%num% (100% paid)");

        assertEquals("INV 2010.03.07 #42 (100% paid)", pattern.format(42, 0, SOME_DAY_OF_2010));
    }

    @Test
    void theNumberIsPaddedWithZerosToTheWidth() {
        NumberPattern pattern = NumberPattern.of("CN-%year%-%num%");

        assertEquals("CN-2010-000042", pattern.format(42, 6, SOME_DAY_OF_2010));
        assertEquals("CN-2010-1234567", pattern.format(1234567, 6, SOME_DAY_OF_2010));
    }

    @Test
    void aPatternWithoutTheNumberIsRefused() {
        InvoicingException refused = assertThrows(InvoicingException.class, () -> NumberPattern.of("%year%-%mon%"));

        assertEquals(ErrorCode.SERIES_INVALID_PATTERN, refused.code());
        assertEquals("pattern", refused.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"%num%-%day%", "%num%/%YEAR%", "%week%%num%"})
    void unknownFieldsAreRefusedByName(String pattern) {
        InvoicingException refused = assertThrows(InvoicingException.class, () -> NumberPattern.of(pattern));

        assertEquals(ErrorCode.SERIES_INVALID_PATTERN, refused.code());
        assertTrue(refused.getMessage().contains("Unknown field %"), refused.getMessage());
    }

    @Test
    void theNumberAppearsOnce() {
        assertThrows(InvoicingException.class, () -> NumberPattern.of("%num%-%num%"));
        assertThrows(InvoicingException.class, () -> NumberPattern.of(" "));
    }

    /** Issue 11: two series whose patterns can print one number are refused (a number is unique across series). */
    @ParameterizedTest(name = "{0} (padding {1}) and {2} (padding {3}) share {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "INV-%year%-%num%|6|INV-%year%-%num%|6|INV-1111-111111",
                "%num%|0|1%num%|0|11",
                "INV-%year%-%num%|6|INV-2026-%num%|0|INV-2026-111111",
                "%num%/%year%|0|%num%/%year%|3|111/1111",
                "A%mon%%num%|0|A%num%|0|A111"
            })
    void patternsThatCanPrintTheSameNumberCollide(String a, int paddingA, String b, int paddingB, String shared) {
        String found = NumberPattern.of(a)
                .sharedNumber(paddingA, NumberPattern.of(b), paddingB)
                .orElseThrow();

        assertEquals(shared, found);
        assertTrue(java.util.regex.Pattern.matches(NumberPattern.of(a).sqlRegex(null), found), found);
        assertTrue(java.util.regex.Pattern.matches(NumberPattern.of(b).sqlRegex(null), found), found);
        assertTrue(NumberPattern.of(b)
                .sharedNumber(paddingB, NumberPattern.of(a), paddingA)
                .isPresent());
    }

    @ParameterizedTest(name = "{0} and {1} never print the same number")
    @CsvSource(
            delimiter = '|',
            value = {
                "INV-%year%-%num%|VND-%year%-%num%",
                "INV-%year%-%num%|CN-%year%-%num%",
                "%num%|%num%/%year%",
                "INV-%year%-%num%|INV-%num%",
                "R-%num%|%num%/%year%",
                "%num%-A|%num%-B"
            })
    void patternsWithADistinctLiteralDoNotCollide(String a, String b) {
        assertEquals(java.util.Optional.empty(), NumberPattern.of(a).sharedNumber(6, NumberPattern.of(b), 0));
        assertEquals(java.util.Optional.empty(), NumberPattern.of(b).sharedNumber(0, NumberPattern.of(a), 6));
    }

    @Test
    void theRegularExpressionOfAPatternCapturesItsNumber() {
        NumberPattern pattern = NumberPattern.of("INV %year%.%mon% #%num% (100% paid)");

        assertEquals("^INV\\ [0-9]{4}\\.[0-9]{2}\\ \\#([0-9]+)\\ \\(100\\%\\ paid\\)$", pattern.sqlRegex(null));
        assertEquals("^INV\\ 2026\\.[0-9]{2}\\ \\#([0-9]+)\\ \\(100\\%\\ paid\\)$", pattern.sqlRegex(2026));
        java.util.regex.Matcher number = java.util.regex.Pattern.compile(pattern.sqlRegex(2026))
                .matcher(pattern.format(42, 6, LocalDate.of(2026, 12, 31)));
        assertTrue(number.matches());
        assertEquals("000042", number.group(1));
    }
}
