package org.billing.invoicing.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.billing.invoicing.testing.PostgresDatabase;

/**
 * Where the database spent a benchmark's time ({@code -Dbench.statements=true}): pg_stat_statements,
 * reset before the measured part and read after it, the statements that took longest in total.
 */
final class DatabaseStatements {

    private DatabaseStatements() {}

    static void reset(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    static String top(PostgresDatabase database, int count) throws SQLException {
        StringBuilder text = new StringBuilder("Statements that took longest in the database (pg_stat_statements):\n");
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT total_exec_time, calls, rows,"
                        + " left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query FROM pg_stat_statements"
                        + " ORDER BY total_exec_time DESC LIMIT " + count)) {
            while (row.next()) {
                text.append(String.format(
                        Locale.ROOT,
                        "  %,10.0f ms %,8d calls %,9d rows  %s%n",
                        row.getDouble("total_exec_time"),
                        row.getLong("calls"),
                        row.getLong("rows"),
                        row.getString("query")));
            }
        }
        return text.toString();
    }
}
