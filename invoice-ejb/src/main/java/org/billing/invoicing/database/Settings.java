package org.billing.invoicing.database;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployment settings the module reads before anything else runs (the data source is made by
 * the server's pool, outside CDI). In the server they come from MicroProfile Config like every other
 * key: a system property {@code invoicing.x.y}, the environment variable {@code INVOICING_X_Y}, or any
 * config source the platform adds. Outside a server (the demo data command, tests in Java SE) the same
 * system property or environment variable is read directly.
 */
public final class Settings {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
    /** What {@link #duration} accepts, for the messages of its callers. */
    public static final String DURATION_RULE = "is a duration such as 30s, 5m or PT30S";

    private Settings() {}

    /**
     * A duration setting: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}, a bare number of
     * seconds, or ISO-8601 such as {@code PT30S}; empty when the text is none of these.
     */
    public static Optional<Duration> duration(String text) {
        String trimmed = text.trim();
        if (trimmed.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Optional.of(Duration.parse(trimmed.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher matcher = DURATION.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return Optional.of(
                switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "d" -> Duration.ofDays(amount);
                    default -> Duration.ofSeconds(amount);
                });
    }

    public static Optional<String> value(String key) {
        Optional<String> configured = microProfileConfig(key);
        if (configured != null) {
            return configured.map(String::trim).filter(v -> !v.isEmpty());
        }
        String property = System.getProperty(key);
        if (property != null && !property.isBlank()) {
            return Optional.of(property.trim());
        }
        String variable = System.getenv(
                key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(variable.trim());
    }

    /**
     * The value from MicroProfile Config, or null when no implementation is there to ask. The config
     * is the application's, found by this class's loader: the server's pool calls in on threads that
     * have no application context class loader.
     */
    private static Optional<String> microProfileConfig(String key) {
        try {
            return org.eclipse.microprofile.config.ConfigProvider.getConfig(Settings.class.getClassLoader())
                    .getOptionalValue(key, String.class);
        } catch (LinkageError | IllegalStateException noConfig) {
            return null;
        }
    }

    /** The PostgreSQL JDBC URL of the production database. */
    public static Optional<String> databaseUrl() {
        return value("invoicing.db.url");
    }

    /**
     * Whether the embedded database was asked for ({@code INVOICING_DB_EMBEDDED=true}). It is never
     * chosen by default: a production server that lost its {@code INVOICING_DB_URL} must not quietly
     * invoice from a demo database of its own.
     */
    public static boolean embeddedDatabaseAsked() {
        return value("invoicing.db.embedded").map(Boolean::parseBoolean).orElse(false);
    }

    /** Thrown, and so failing the deployment, when neither a database nor the embedded one is configured. */
    public static final String NO_DATABASE = "No database configured: set INVOICING_DB_URL (invoicing.db.url)"
            + " to the JDBC URL of the PostgreSQL database, e.g. jdbc:postgresql://db:5432/billing, or set"
            + " INVOICING_DB_EMBEDDED=true (invoicing.db.embedded) to run on the embedded demo database.";

    /** Fails with {@link #NO_DATABASE} unless a database URL is set or the embedded database was asked for. */
    public static void requireDatabase() {
        if (databaseUrl().isEmpty() && !embeddedDatabaseAsked()) {
            throw new IllegalStateException(NO_DATABASE);
        }
    }

    public static String databaseUser() {
        return value("invoicing.db.user").orElse("invoicing");
    }

    public static String databasePassword() {
        return value("invoicing.db.password").orElse("");
    }

    /**
     * The user that applies the migrations and so owns the module's tables, when it is not the runtime user
     * ({@code invoicing.db.migration-user}): the module then runs as {@link #databaseUser()}, which needs
     * only to read and write rows and cannot switch off the triggers that keep issued invoices.
     */
    public static Optional<String> migrationUser() {
        return value("invoicing.db.migration-user");
    }

    public static String migrationPassword() {
        return value("invoicing.db.migration-password").orElse("");
    }

    /** Where the embedded database keeps its files between runs. */
    public static Path embeddedDataDirectory() {
        return value("invoicing.data.dir")
                .map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".invoicing", "pgdata"));
    }

    /** Demo data is loaded into an empty database when asked, or by default into the embedded one. */
    public static boolean demoData() {
        return value("invoicing.demo.data")
                .map(Boolean::parseBoolean)
                .orElse(databaseUrl().isEmpty() && embeddedDatabaseAsked());
    }
}
