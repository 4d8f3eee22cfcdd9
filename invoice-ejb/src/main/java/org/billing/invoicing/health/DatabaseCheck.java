package org.billing.invoicing.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.billing.invoicing.database.Database;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers: without it the module can do nothing useful. Anyone may ask
 * ({@code /health/ready} has no login), so the answer is UP, or DOWN with a short reason of our own; the
 * driver's text (host, port, user, database) goes to the server log only, when the reason changes.
 */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    static final String NAME = "database";
    private static final Logger LOG = Logger.getLogger(DatabaseCheck.class.getName());
    private static final int TIMEOUT_SECONDS = 5;

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    private volatile String lastFailure;

    public DatabaseCheck() {}

    DatabaseCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            lastFailure = null;
            // Built directly rather than through HealthCheckResponse.named(), which needs the server's provider.
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.empty());
        } catch (SQLException | RuntimeException e) {
            String reason = reason(e);
            String failure = reason + ": " + e;
            if (!failure.equals(lastFailure)) {
                lastFailure = failure;
                LOG.log(Level.WARNING, "Readiness: the database is DOWN (" + reason + ")", e);
            }
            return new HealthCheckResponse(
                    NAME, HealthCheckResponse.Status.DOWN, Optional.of(Map.of("reason", reason)));
        }
    }

    private static String reason(Exception e) {
        if (e instanceof SQLException sql && sql.getSQLState() != null) {
            if (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28")) {
                return "no connection to the database";
            }
            if (sql.getSQLState().equals("57014")) {
                return "the database did not answer in time";
            }
        }
        return "the database check failed";
    }
}
