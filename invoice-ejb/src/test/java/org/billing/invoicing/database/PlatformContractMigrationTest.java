package org.billing.invoicing.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;

import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceCalculator;
import org.billing.invoicing.invoice.InvoiceFigures;
import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.PaymentModel;
import org.billing.invoicing.testing.PostgresDatabase;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** Deploying onto the platform's database: its tables are used as they are, and the contract is checked. */
class PlatformContractMigrationTest {

    @Test
    void onThePlatformsDatabaseTheModuleAddsOnlyItsOwnTables() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.startEmpty()) {
            database.run("/fixtures/platform-schema.sql");

            DatabaseStartup.migrate(database.dataSource());

            try (Connection connection = database.connection();
                    Statement statement = connection.createStatement()) {
                ResultSet partitions = statement.executeQuery(
                        "SELECT string_agg(inhrelid::regclass::text, ',' ORDER BY inhrelid::regclass::text)"
                                + " FROM pg_inherits WHERE inhparent = 'cdr'::regclass");
                partitions.next();
                assertEquals(
                        "cdr_2026_03,cdr_overflow", partitions.getString(1), "the platform's partitions, no other");
                ResultSet invoices = statement.executeQuery("SELECT count(*) FROM invoice");
                invoices.next();
                assertEquals(0, invoices.getLong(1));
                BillingPeriod march = BillingPeriod.ofDays(
                        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), ZoneId.of("Europe/Berlin"));
                InvoiceFigures figures = new InvoiceCalculator()
                        .calculate(connection, 7, Direction.CUSTOMER, PaymentModel.POSTPAY, march);
                assertEquals(1, figures.calls().callsCount());
                assertEquals(0, new BigDecimal("0.25").compareTo(figures.amount()));
            }
        }
    }

    @Test
    void aPlatformDatabaseWithoutAContractColumnIsRefusedByName() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.startEmpty()) {
            database.run("/fixtures/platform-schema.sql");
            try (Connection connection = database.connection();
                    Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE cdr DROP COLUMN dialpeer_reverse_billing");
                statement.execute("ALTER TABLE account DROP COLUMN timezone");
            }

            FlywayException refused =
                    assertThrows(FlywayException.class, () -> DatabaseStartup.migrate(database.dataSource()));

            assertTrue(
                    refused.getMessage().contains("account.timezone, cdr.dialpeer_reverse_billing"),
                    refused.getMessage());
        }
    }
}
