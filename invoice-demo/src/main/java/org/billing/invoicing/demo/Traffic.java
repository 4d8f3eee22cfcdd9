package org.billing.invoicing.demo;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

/**
 * All the CDRs: the ordinary traffic of every customer over the period, merged in time order with the
 * heavy account's calls of its month when the spec asks for them. Rows stream straight into COPY.
 */
final class Traffic {

    /** Account 1 (index 0) is a customer; Parties guarantees it. */
    private static final int HEAVY = 0;

    record Result(long calls, long cdrs, DemoDataSummary.HeavyAccount heavyAccount) {}

    private Traffic() {}

    static Result write(
            CopyWriter out,
            DemoDataSpec spec,
            DemoPeriod period,
            Parties parties,
            Calls calls,
            SplittableRandom random) {
        long ordinarySeed = random.nextLong();
        long heavySeed = random.nextLong();
        WeightedChoice byVolume = customersByVolume(parties.accounts());

        DemoDataSummary.HeavyAccount heavy = null;
        CallStream heavyStream = null;
        CallStream.CustomerChoice anyone = (r, start) -> byVolume.pick(r);
        CallStream.CustomerChoice ordinaryCustomers = anyone;
        if (spec.hasHeavyAccount()) {
            heavy = heavyAccount(spec, period, parties.accounts().get(HEAVY), calls, heavySeed);
            // Calls starting shortly before the month may route into it: keep those away too.
            long quietFrom = heavy.from().getEpochSecond() - Calls.MAX_ROUTING_SECONDS;
            long quietTo = heavy.to().getEpochSecond();
            ordinaryCustomers = (r, start) -> {
                int customer = byVolume.pick(r);
                while (customer == HEAVY && start >= quietFrom && start < quietTo) {
                    customer = byVolume.pick(r);
                }
                return customer;
            };
            Instant from = period.start().isAfter(heavy.from()) ? period.start() : heavy.from();
            CallTimeline month = new CallTimeline(from, heavy.to().minusSeconds(Calls.MAX_ROUTING_SECONDS));
            heavyStream = new CallStream(calls, month, (r, start) -> HEAVY, heavySeed, heavy.cdrs());
        }
        long ordinaryRows = spec.cdrs() - (heavy == null ? 0 : heavy.cdrs());
        CallTimeline whole = new CallTimeline(period.start(), period.end().minusSeconds(Calls.MAX_ROUTING_SECONDS));
        CallStream ordinary = new CallStream(calls, whole, ordinaryCustomers, ordinarySeed, ordinaryRows);

        merge(out, ordinary, heavyStream);
        return new Result(calls.calls(), out.rows(), heavy);
    }

    private static void merge(CopyWriter out, CallStream ordinary, CallStream heavy) {
        while (ordinary.hasNext() || heavy != null && heavy.hasNext()) {
            boolean heavyFirst = heavy != null
                    && heavy.hasNext()
                    && (!ordinary.hasNext() || heavy.peekStart() < ordinary.peekStart());
            (heavyFirst ? heavy : ordinary).writeNext(out);
        }
    }

    /** A few customers make most of the traffic, as in wholesale: weights 1, 1/2, 1/3, ... */
    private static WeightedChoice customersByVolume(List<Parties.Account> accounts) {
        long[] weights = new long[accounts.size()];
        int rank = 0;
        for (int i = 0; i < accounts.size(); i++) {
            weights[i] = accounts.get(i).isCustomer() ? 1_000_000 / ++rank : 0;
        }
        return new WeightedChoice(weights);
    }

    /** The last complete month in the heavy account's own zone, and the rows its calls will take. */
    private static DemoDataSummary.HeavyAccount heavyAccount(
            DemoDataSpec spec, DemoPeriod period, Parties.Account account, Calls calls, long seed) {
        ZoneId zone = ZoneId.of(account.timezone());
        YearMonth month = YearMonth.from(period.end().atZone(zone)).minusMonths(1);
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        long rows = CallStream.rowsForCalls(calls, HEAVY, seed, spec.heavyAccountCdrs());
        if (rows > spec.cdrs()) {
            throw new IllegalArgumentException("the heavy account's " + spec.heavyAccountCdrs() + " calls take " + rows
                    + " CDRs with their routing attempts, more than the " + spec.cdrs() + " asked for");
        }
        return new DemoDataSummary.HeavyAccount(
                account.id(), account.timezone(), month, from, to, spec.heavyAccountCdrs(), rows);
    }
}
