package org.billing.invoicing.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.billing.invoicing.database.Database;
import org.billing.invoicing.numbering.IssuerZone;

/** The month at a glance, for the landing page and {@code GET /dashboard}: read-only, one connection. */
@Stateless
public class DashboardService {

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    /** The figures of the twelve months up to the current month of the issuer's zone ({@code invoicing.issuer.zone}). */
    public MonthAtAGlance monthAtAGlance() {
        ZoneId zone = IssuerZone.fromSettings();
        YearMonth current = YearMonth.from(IssuerZone.issueDay(clock, zone));
        try (Connection connection = dataSource.getConnection()) {
            return DashboardQuery.read(connection, current);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the dashboard's figures", e);
        }
    }
}
