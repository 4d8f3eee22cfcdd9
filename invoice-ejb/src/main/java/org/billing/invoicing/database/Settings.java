package org.billing.invoicing.database;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The deployment settings the module reads before anything else runs (the data source is made by
 * the server's pool, outside CDI): a system property {@code invoicing.x.y}, else the environment
 * variable {@code INVOICING_X_Y}.
 */
public final class Settings {

    private Settings() {
    }

    public static Optional<String> value(String key) {
        String property = System.getProperty(key);
        if (property != null && !property.isBlank()) {
            return Optional.of(property.trim());
        }
        String variable = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(variable.trim());
    }

    /** The PostgreSQL JDBC URL of the production database; none means the embedded database. */
    public static Optional<String> databaseUrl() {
        return value("invoicing.db.url");
    }

    public static String databaseUser() {
        return value("invoicing.db.user").orElse("invoicing");
    }

    public static String databasePassword() {
        return value("invoicing.db.password").orElse("");
    }

    /** Where the embedded database keeps its files between runs. */
    public static Path embeddedDataDirectory() {
        return value("invoicing.data.dir").map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".invoicing", "pgdata"));
    }

    /** Demo data is loaded into an empty database when asked, or by default into the embedded one. */
    public static boolean demoData() {
        return value("invoicing.demo.data").map(Boolean::parseBoolean).orElse(databaseUrl().isEmpty());
    }
}
