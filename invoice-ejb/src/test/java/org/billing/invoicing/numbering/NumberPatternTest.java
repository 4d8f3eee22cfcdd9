package org.billing.invoicing.numbering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
}
