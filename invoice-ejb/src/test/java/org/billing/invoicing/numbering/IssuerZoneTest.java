package org.billing.invoicing.numbering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * Issue 11: the day of issue, and so a number's year and its counter's year, are the issuer's, one
 * calendar for every account: at 23:30 UTC on New Year's Eve it is already 2027 in Berlin and still
 * 2026 in New York, and a series numbering both would interleave the two years.
 */
class IssuerZoneTest {

    private static final Clock NEW_YEARS_EVE = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void theDayOfIssueIsTheIssuersWhateverTheAccount() {
        assertEquals(LocalDate.of(2026, 12, 31), IssuerZone.issueDay(NEW_YEARS_EVE, ZoneOffset.UTC));
        assertEquals(LocalDate.of(2027, 1, 1), IssuerZone.issueDay(NEW_YEARS_EVE, ZoneId.of("Europe/Berlin")));
        assertEquals(
                LocalDate.of(2026, 12, 31),
                IssuerZone.issueDay(NEW_YEARS_EVE.withZone(ZoneId.of("Europe/Berlin")), ZoneId.of("America/New_York")));
    }

    @Test
    void utcUnlessConfigured() {
        assertEquals(ZoneOffset.UTC, IssuerZone.fromSettings());
    }
}
