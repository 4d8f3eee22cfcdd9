package org.billing.invoicing.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.billing.invoicing.testing.PostgresDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V7 on a database that already holds invoices: each one learns the payment model it was made under
 * from what happened to it (only a prepay account's invoice was ever created Closed; a credit note
 * follows the invoice it reverses), without any issued invoice changing otherwise.
 */
class PrepayMigrationTest {

    @Test
    void invoicesMadeBeforeKeepTheirFiguresAndLearnTheirPaymentModel() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.startEmpty()) {
            Flyway.configure(DatabaseStartup.class.getClassLoader())
                    .dataSource(database.dataSource())
                    .locations("classpath:db/migration")
                    .table("invoicing_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .target("6")
                    .load()
                    .migrate();
            database.run("/fixtures/march-2026.sql");
            try (Connection connection = database.connection();
                    Statement statement = connection.createStatement()) {
                statement.execute("""
                        INSERT INTO invoice (id, contractor_id, account_id, direction, state, type, start_at, end_at,
                            time_zone, first_day, last_day, amount, orig_spent, orig_earned, term_spent, term_earned,
                            srv_spent, srv_earned, srv_transactions_count, calls_count, successful_calls_count,
                            calls_duration, billing_duration, created_at, kind, number, series_id, issued_at,
                            credited_invoice_id)
                        VALUES
                        (1, 1, 10, 'CUSTOMER', 'PENDING', 'MANUAL', '2026-01-01Z', '2026-02-01Z', 'UTC', '2026-01-01',
                         '2026-01-31', 5, 5, 0, 0, 0, 0, 0, 0, 1, 1, 60, 60, now(), 'INVOICE', NULL, NULL, NULL, NULL),
                        (2, 1, 30, 'CUSTOMER', 'CLOSED', 'MANUAL', '2026-03-01Z', '2026-04-01Z', 'UTC', '2026-03-01',
                         '2026-03-31', 100.20, 100.20, 0, 0, 0, 100, 0, 1, 1, 1, 20, 60, now(), 'INVOICE', 'INV-1', 1,
                         now(), NULL),
                        (3, 1, 10, 'CUSTOMER', 'APPROVED', 'MANUAL', '2026-02-01Z', '2026-03-01Z', 'UTC', '2026-02-01',
                         '2026-02-28', 7, 7, 0, 0, 0, 7, 0, 1, 0, 0, 0, 0, now(), 'INVOICE', 'INV-2', 1, now(), NULL),
                        (4, 1, 30, 'CUSTOMER', 'APPROVED', 'MANUAL', '2026-03-01Z', '2026-04-01Z', 'UTC', '2026-03-01',
                         '2026-03-31', -100.20, -100.20, 0, 0, 0, -100, 0, 1, 1, 1, 20, 60, now(), 'CREDIT_NOTE',
                         'CN-1', 3, now(), 2),
                        (5, 1, 10, 'CUSTOMER', 'APPROVED', 'MANUAL', '2026-02-01Z', '2026-03-01Z', 'UTC', '2026-02-01',
                         '2026-02-28', -7, -7, 0, 0, 0, -7, 0, 1, 0, 0, 0, 0, now(), 'CREDIT_NOTE', 'CN-2', 3, now(), 3)
                        """);
            }

            DatabaseStartup.migrate(database.dataSource());

            Map<Long, String> models = new LinkedHashMap<>();
            try (Connection connection = database.connection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT id, payment_model, corrections_amount, amount FROM invoice ORDER BY id")) {
                while (rows.next()) {
                    models.put(rows.getLong("id"), rows.getString("payment_model"));
                    assertEquals(0, rows.getBigDecimal("corrections_amount").signum());
                }
            }
            assertEquals(Map.of(1L, "POSTPAY", 2L, "PREPAY", 3L, "POSTPAY", 4L, "PREPAY", 5L, "POSTPAY"), models);
            // The issued invoices are protected again once the backfill is done.
            try (Connection connection = database.connection();
                    Statement statement = connection.createStatement()) {
                SQLException refused = assertThrows(
                        SQLException.class, () -> statement.execute("UPDATE invoice SET amount = 0 WHERE id = 2"));
                assertEquals("23000", refused.getSQLState());
                ResultSet amount = statement.executeQuery("SELECT amount FROM invoice WHERE id = 2");
                amount.next();
                assertEquals(0, new BigDecimal("100.20").compareTo(amount.getBigDecimal(1)));
            }
        }
    }
}
