package org.billing.invoicing.mail;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.billing.invoicing.database.Settings;

/**
 * How invoices are emailed, from MicroProfile Config keys {@code invoicing.mail.*} (environment
 * variables {@code INVOICING_MAIL_*}). With no {@code host} nothing is sent: messages wait QUEUED
 * until a server is configured.
 *
 * @param timeout      connection, read and write timeout of each SMTP conversation
 * @param retryDelay   the wait after the first failed attempt; it doubles after each further one
 * @param lease        how long a claimed message may take before it counts as abandoned; longer than
 *                     any SMTP conversation the timeouts allow
 * @param attachmentRetention how long a message keeps its attachment's bytes once it is sent (or given up)
 */
public record MailSettings(
        String host,
        int port,
        boolean startTls,
        String user,
        String password,
        String from,
        Duration timeout,
        int maxAttempts,
        Duration retryDelay,
        Duration maxRetryDelay,
        Duration pollInterval,
        Duration lease,
        MailTemplates templates,
        Duration attachmentRetention) {

    public static final String PREFIX = "invoicing.mail.";

    /** Reads the settings through {@code lookup} (a key without the prefix, e.g. {@code host}). */
    public static MailSettings from(Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> value =
                key -> lookup.apply(PREFIX + key).map(String::strip).filter(text -> !text.isEmpty());
        Duration timeout =
                value.apply("timeout").map(text -> duration("timeout", text)).orElse(Duration.ofSeconds(10));
        MailSettings settings = new MailSettings(
                value.apply("host").orElse(null),
                value.apply("port").map(text -> integer("port", text)).orElse(25),
                value.apply("tls").map(Boolean::parseBoolean).orElse(false),
                value.apply("user").orElse(null),
                value.apply("password").orElse(""),
                value.apply("from").orElse("invoicing@localhost"),
                timeout,
                value.apply("max-attempts")
                        .map(text -> integer("max-attempts", text))
                        .orElse(8),
                value.apply("retry-delay")
                        .map(text -> duration("retry-delay", text))
                        .orElse(Duration.ofMinutes(1)),
                value.apply("max-retry-delay")
                        .map(text -> duration("max-retry-delay", text))
                        .orElse(Duration.ofHours(1)),
                value.apply("poll-interval")
                        .map(text -> duration("poll-interval", text))
                        .orElse(Duration.ofSeconds(5)),
                // Three timeouts (connect, read, write) of a conversation and plenty to spare.
                value.apply("lease")
                        .map(text -> duration("lease", text))
                        .orElse(timeout.multipliedBy(6).plusMinutes(1)),
                new MailTemplates(
                        value.apply("subject").orElse(MailTemplates.DEFAULT_SUBJECT),
                        value.apply("body").orElse(MailTemplates.DEFAULT_BODY),
                        value.apply("attachment-name").orElse(MailTemplates.DEFAULT_ATTACHMENT_NAME)),
                value.apply("attachment-retention")
                        .map(text -> duration("attachment-retention", text))
                        .orElse(Duration.ofDays(7)));
        settings.check();
        return settings;
    }

    private void check() {
        require(port > 0 && port < 65_536, "port", "is from 1 to 65535");
        require(maxAttempts >= 1, "max-attempts", "is at least 1");
        require(!timeout.isZero(), "timeout", "is more than 0");
        require(!pollInterval.isZero(), "poll-interval", "is more than 0");
        require(lease.compareTo(timeout.multipliedBy(3)) > 0, "lease", "is longer than three timeouts");
    }

    /** Whether an SMTP server is configured; without one, messages wait. */
    public boolean enabled() {
        return host != null;
    }

    public boolean authenticates() {
        return user != null;
    }

    /** The wait after {@code attempts} failed attempts: retry-delay, doubled each time, at most max-retry-delay. */
    public Duration retryDelayAfter(int attempts) {
        Duration delay = retryDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}, a bare number of seconds, or ISO-8601 {@code PT30S}. */
    static Duration duration(String key, String text) {
        return Settings.duration(text).orElseThrow(() -> invalid(key, text, Settings.DURATION_RULE));
    }

    private static int integer(String key, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(key, text, "is a whole number");
        }
    }

    private static void require(boolean condition, String key, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(PREFIX + key + " " + rule + ".");
        }
    }

    private static IllegalArgumentException invalid(String key, String text, String rule) {
        return new IllegalArgumentException(PREFIX + key + " " + rule + ", not '" + text + "'.");
    }

    @Override
    public String toString() {
        // Never the password: the settings are logged at startup.
        return "smtp" + (startTls ? "+starttls" : "") + "://" + (user == null ? "" : user + "@") + host + ":" + port
                + " from " + from + ", timeout " + timeout + ", " + maxAttempts + " attempts, retry after "
                + retryDelay + " doubling up to " + maxRetryDelay;
    }
}
