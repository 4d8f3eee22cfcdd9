package org.billing.invoicing.generation;

import static org.billing.invoicing.common.Jdbc.instant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.billing.invoicing.common.Jdbc;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.period.AutoPeriod;
import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.period.DuePlanner;
import org.billing.invoicing.period.DuePlanner.DuePeriods;
import org.billing.invoicing.period.InvoicePeriod;
import org.billing.invoicing.platform.Account;

/**
 * Plans a run: every due account-period of every account invoiced automatically, in two statements
 * whatever the number of accounts (their settings, and the periods already claimed, both in account
 * order and merged as they stream). An account that cannot be planned (a time zone the JVM does not
 * know) becomes a failed item of the run; the others are planned.
 */
final class DuePlanning {

    /** Planned items, and the periods left to the next run by the per-account bound. */
    record Plan(List<PlannedItem> items, int deferred) {}

    private record Setting(
            long accountId,
            Direction direction,
            InvoicePeriod kind,
            LocalDate generateFrom,
            String timezone,
            Duration maxCallDuration) {}

    private DuePlanning() {}

    static Plan plan(Connection connection, Instant now, int maxPeriodsPerAccount) throws SQLException {
        List<Setting> settings = settings(connection);
        List<PlannedItem> items = new ArrayList<>();
        int deferred = 0;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT c.account_id, c.direction, c.start_at, c.end_at
                FROM invoice_period_claim c
                JOIN account_auto_invoicing s ON s.account_id = c.account_id AND s.direction = c.direction
                WHERE c.end_at > (s.generate_from - 1)::timestamp AT TIME ZONE 'UTC'
                ORDER BY c.account_id, c.direction, c.start_at
                """)) {
            select.setFetchSize(10_000);
            try (ResultSet claims = select.executeQuery()) {
                boolean more = claims.next();
                for (Setting setting : settings) {
                    List<Instant[]> claimed = new ArrayList<>();
                    // Both lists are in (account, direction) order: skip claims of accounts before this one.
                    while (more && compare(claims, setting) < 0) {
                        more = claims.next();
                    }
                    while (more && compare(claims, setting) == 0) {
                        claimed.add(new Instant[] {instant(claims, "start_at"), instant(claims, "end_at")});
                        more = claims.next();
                    }
                    deferred += plan(setting, claimed, now, maxPeriodsPerAccount, items);
                }
            }
        }
        return new Plan(items, deferred);
    }

    private static int plan(Setting setting, List<Instant[]> claimed, Instant now, int limit, List<PlannedItem> items) {
        ZoneId zone;
        try {
            zone = ZoneId.of(setting.timezone());
        } catch (DateTimeException e) {
            items.add(new PlannedItem(
                    setting.accountId(),
                    setting.direction(),
                    DuePlanner.firstPeriod(setting.kind(), setting.generateFrom()),
                    "INVALID_TIME_ZONE",
                    "Account " + setting.accountId() + " has the time zone '" + setting.timezone()
                            + "', which is not a known IANA zone; its periods cannot be cut until it is corrected."));
            return 0;
        }
        List<BillingPeriod> periods = new ArrayList<>();
        for (Instant[] claim : claimed) {
            periods.add(new BillingPeriod(claim[0], claim[1], zone));
        }
        DuePeriods due = DuePlanner.due(
                setting.kind(), setting.generateFrom(), zone, setting.maxCallDuration(), periods, now, limit);
        for (AutoPeriod period : due.periods()) {
            items.add(PlannedItem.due(setting.accountId(), setting.direction(), period));
        }
        return due.deferred();
    }

    private static int compare(ResultSet claim, Setting setting) throws SQLException {
        int byAccount = Long.compare(claim.getLong("account_id"), setting.accountId());
        return byAccount != 0
                ? byAccount
                : claim.getString("direction").compareTo(setting.direction().name());
    }

    private static List<Setting> settings(Connection connection) throws SQLException {
        List<Setting> settings = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT s.account_id, s.direction, s.invoice_period, s.generate_from, a.timezone, a.max_call_duration
                FROM account_auto_invoicing s JOIN account a ON a.id = s.account_id
                ORDER BY s.account_id, s.direction
                """);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                // Read on its own: wasNull() answers for the last column read, and arguments are read in order.
                Integer maxCall = Jdbc.nullableInteger(row, "max_call_duration");
                settings.add(new Setting(
                        row.getLong("account_id"),
                        Direction.valueOf(row.getString("direction")),
                        InvoicePeriod.valueOf(row.getString("invoice_period")),
                        row.getObject("generate_from", LocalDate.class),
                        row.getString("timezone"),
                        maxCall == null ? Account.DEFAULT_MAX_CALL_DURATION : Duration.ofSeconds(maxCall)));
            }
        }
        return settings;
    }
}
