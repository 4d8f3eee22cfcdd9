package org.billing.invoicing.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What was written, for benchmarks, tests and the log.
 *
 * @param heavyAccount null when the spec asked for none; see {@link #findHeavyAccount()}
 * @param elapsed      wall time of the whole run, ANALYZE included
 */
public record DemoDataSummary(
        long seed,
        DemoPeriod period,
        int countries,
        int networks,
        int contractors,
        List<Long> accountIds,
        List<Long> customerAccountIds,
        List<Long> vendorAccountIds,
        int services,
        int subscriptions,
        int serviceTransactions,
        int balanceCorrections,
        long calls,
        long cdrs,
        HeavyAccount heavyAccount,
        List<String> partitionsCreated,
        Duration elapsed) {

    public DemoDataSummary {
        accountIds = List.copyOf(accountIds);
        customerAccountIds = List.copyOf(customerAccountIds);
        vendorAccountIds = List.copyOf(vendorAccountIds);
        partitionsCreated = List.copyOf(partitionsCreated);
    }

    /**
     * The account whose originated last-attempt CDRs in {@code month} (in its {@code timezone}) number
     * exactly {@code lastAttemptCdrs}; all of them start within {@code [from, to)}.
     */
    public record HeavyAccount(
            long accountId,
            String timezone,
            YearMonth month,
            Instant from,
            Instant to,
            long lastAttemptCdrs,
            long cdrs) {}

    public Optional<HeavyAccount> findHeavyAccount() {
        return Optional.ofNullable(heavyAccount);
    }

    DemoDataSummary withElapsed(Duration newElapsed) {
        return new DemoDataSummary(
                seed,
                period,
                countries,
                networks,
                contractors,
                accountIds,
                customerAccountIds,
                vendorAccountIds,
                services,
                subscriptions,
                serviceTransactions,
                balanceCorrections,
                calls,
                cdrs,
                heavyAccount,
                partitionsCreated,
                newElapsed);
    }

    /** A few lines for a console or a log. */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append("Demo data (seed ")
                .append(seed)
                .append(") for ")
                .append(period.start())
                .append(" .. ")
                .append(period.end())
                .append('\n')
                .append(String.format(
                        "  %d countries, %d networks, %d contractors, %d accounts (ids %d..%d)%n",
                        countries,
                        networks,
                        contractors,
                        accountIds.size(),
                        accountIds.get(0),
                        accountIds.get(accountIds.size() - 1)))
                .append(String.format(
                        "  %d services, %d subscriptions, %d service transactions, %d balance corrections%n",
                        services, subscriptions, serviceTransactions, balanceCorrections))
                .append(String.format(
                        "  %d CDRs in %d calls; partitions created: %s%n",
                        cdrs, calls, partitionsCreated.isEmpty() ? "none" : String.join(", ", partitionsCreated)));
        findHeavyAccount()
                .ifPresent(heavy -> text.append(String.format(
                        "  heavy account %d (%s): %d originated last-attempt CDRs (%d rows) in %s%n",
                        heavy.accountId(), heavy.timezone(), heavy.lastAttemptCdrs(), heavy.cdrs(), heavy.month())));
        return text.append(String.format("  took %.1f s%n", elapsed.toMillis() / 1000.0))
                .toString();
    }
}
