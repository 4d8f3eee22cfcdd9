package org.billing.invoicing.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly partitions of {@code cdr} (UTC months, named {@code cdr_yYYYYmMM}) for the months the data
 * covers, so that the rows do not pile up in the default partition.
 *
 * <p>PostgreSQL itself decides whether a partition may be created: it refuses bounds that overlap an
 * existing partition (42P17) and a range the default partition already holds rows of (23514). Such a
 * month is skipped, inside a savepoint, and its rows go where the platform's partitioning puts them;
 * reading partition bounds back from the catalog would only repeat that check, less reliably.
 */
final class CdrPartitions {

    private static final String OVERLAPS_PARTITION = "42P17";
    private static final String DEFAULT_PARTITION_HAS_ROWS = "23514";

    private final Connection connection;

    CdrPartitions(Connection connection) {
        this.connection = connection;
    }

    /** Creates what is missing and returns the names of the partitions created. */
    List<String> createMonthly(List<YearMonth> months) throws SQLException {
        List<String> created = new ArrayList<>();
        for (YearMonth month : months) {
            String name = String.format("cdr_y%04dm%02d", month.getYear(), month.getMonthValue());
            if (!exists(name) && create(name, month)) {
                created.add(name);
            }
        }
        return created;
    }

    private boolean exists(String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private boolean create(String name, YearMonth month) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF cdr FOR VALUES FROM ('" + month.atDay(1)
                            + " 00:00:00+00') TO ('" + month.plusMonths(1).atDay(1) + " 00:00:00+00')");
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!OVERLAPS_PARTITION.equals(e.getSQLState()) && !DEFAULT_PARTITION_HAS_ROWS.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
    }
}
