package org.billing.invoicing.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

class DemoDataCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesThenRefusesThenAddsWhenForced() throws IOException, SQLException {
        try (PostgresDatabases postgres = new PostgresDatabases()) {
            DataSource db = postgres.freshDatabase();
            String[] args = {
                "--url",
                postgres.jdbcUrl(postgres.lastDatabaseName()),
                "--user",
                "postgres",
                "--password",
                "",
                "--seed",
                "3",
                "--accounts",
                "8",
                "--cdrs",
                "2000",
                "--months",
                "1",
                "--now",
                "2025-03-14T09:26:53Z"
            };

            assertEquals(0, run(args));
            assertTrue(text(out).contains("2000 CDRs"), text(out));
            assertEquals(DemoDataCommand.REFUSED, run(args));
            assertTrue(text(err).contains("Refused"), text(err));
            assertEquals(2000, Sql.count(db, "SELECT count(*) FROM cdr"));

            String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
            forced[args.length] = "--force";
            assertEquals(0, run(forced));
            assertEquals(4000, Sql.count(db, "SELECT count(*) FROM cdr"));
        }
    }

    @Test
    void explainsBadArguments() {
        assertEquals(
                DemoDataCommand.USAGE, run(new String[] {"--cdrs", "many", "--url", "jdbc:postgresql://nowhere/x"}));
        assertTrue(text(err).contains("bad value for --cdrs"), text(err));
        assertEquals(DemoDataCommand.USAGE, run(new String[] {"--seed", "1"}));
        assertTrue(text(err).contains("Usage"));
    }

    private int run(String[] args) {
        return DemoDataCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
