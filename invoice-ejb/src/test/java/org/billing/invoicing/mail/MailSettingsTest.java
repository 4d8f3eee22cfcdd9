package org.billing.invoicing.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static MailSettings settings(Map<String, String> values) {
        return MailSettings.from(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void withNothingSetNothingIsSentAndTheDefaultsHold() {
        MailSettings settings = settings(Map.of());

        assertFalse(settings.enabled());
        assertEquals(25, settings.port());
        assertFalse(settings.startTls());
        assertFalse(settings.authenticates());
        assertEquals(8, settings.maxAttempts());
        assertEquals(Duration.ofSeconds(10), settings.timeout());
        assertEquals(Duration.ofMinutes(2), settings.lease());
        assertEquals(MailTemplates.defaults(), settings.templates());
    }

    @Test
    void everyKeyIsRead() {
        MailSettings settings = settings(Map.ofEntries(
                Map.entry("invoicing.mail.host", " smtp.example.com "),
                Map.entry("invoicing.mail.port", "587"),
                Map.entry("invoicing.mail.tls", "true"),
                Map.entry("invoicing.mail.user", "billing"),
                Map.entry("invoicing.mail.password", "secret"),
                Map.entry("invoicing.mail.from", "Billing <billing@example.com>"),
                Map.entry("invoicing.mail.timeout", "2s"),
                Map.entry("invoicing.mail.max-attempts", "3"),
                Map.entry("invoicing.mail.retry-delay", "500ms"),
                Map.entry("invoicing.mail.max-retry-delay", "PT2S"),
                Map.entry("invoicing.mail.poll-interval", "1"),
                Map.entry("invoicing.mail.lease", "1m"),
                Map.entry("invoicing.mail.subject", "S [I_REF]"),
                Map.entry("invoicing.mail.body", "B"),
                Map.entry("invoicing.mail.attachment-name", "[I_REF].pdf")));

        assertTrue(settings.enabled());
        assertEquals("smtp.example.com", settings.host());
        assertEquals(587, settings.port());
        assertTrue(settings.startTls());
        assertTrue(settings.authenticates());
        assertEquals(Duration.ofSeconds(2), settings.timeout());
        assertEquals(Duration.ofMillis(500), settings.retryDelay());
        assertEquals(Duration.ofSeconds(2), settings.maxRetryDelay());
        assertEquals(Duration.ofSeconds(1), settings.pollInterval());
        assertEquals(Duration.ofMinutes(1), settings.lease());
        assertEquals(new MailTemplates("S [I_REF]", "B", "[I_REF].pdf"), settings.templates());
        assertFalse(settings.toString().contains("secret"));
    }

    @Test
    void theRetryDelayDoublesUpToItsMaximum() {
        MailSettings settings =
                settings(Map.of("invoicing.mail.retry-delay", "1m", "invoicing.mail.max-retry-delay", "5m"));

        assertEquals(Duration.ofMinutes(1), settings.retryDelayAfter(1));
        assertEquals(Duration.ofMinutes(2), settings.retryDelayAfter(2));
        assertEquals(Duration.ofMinutes(4), settings.retryDelayAfter(3));
        assertEquals(Duration.ofMinutes(5), settings.retryDelayAfter(4));
        assertEquals(Duration.ofMinutes(5), settings.retryDelayAfter(1_000));
    }

    @Test
    void aWrongValueIsReportedByItsKey() {
        IllegalArgumentException port =
                assertThrows(IllegalArgumentException.class, () -> settings(Map.of("invoicing.mail.port", "smtp")));
        IllegalArgumentException delay = assertThrows(
                IllegalArgumentException.class, () -> settings(Map.of("invoicing.mail.retry-delay", "soon")));
        IllegalArgumentException attempts = assertThrows(
                IllegalArgumentException.class, () -> settings(Map.of("invoicing.mail.max-attempts", "0")));
        IllegalArgumentException lease = assertThrows(
                IllegalArgumentException.class,
                () -> settings(Map.of("invoicing.mail.timeout", "1m", "invoicing.mail.lease", "2m")));

        assertEquals("invoicing.mail.port is a whole number, not 'smtp'.", port.getMessage());
        assertEquals(
                "invoicing.mail.retry-delay is a duration such as 30s, 5m or PT30S, not 'soon'.", delay.getMessage());
        assertEquals("invoicing.mail.max-attempts is at least 1.", attempts.getMessage());
        assertEquals("invoicing.mail.lease is longer than three timeouts.", lease.getMessage());
    }
}
