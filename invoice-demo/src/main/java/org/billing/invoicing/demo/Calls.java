package org.billing.invoicing.demo;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes one call as its CDRs: 1 to 3 routing attempts to distinct vendors a few seconds apart, the
 * earlier ones failed, only the last one {@code is_last_cdr} and answered 60 % of the time. Ids follow
 * the order of writing.
 */
final class Calls {

    static final String TABLE = "cdr";
    static final String COLUMNS = "id, time_start, time_connect, duration, success, is_last_cdr, customer_acc_id, "
            + "vendor_acc_id, customer_price, vendor_price, customer_duration, vendor_duration, destination_prefix, "
            + "destination_next_rate, destination_reverse_billing, dialpeer_prefix, dialpeer_next_rate, "
            + "dialpeer_reverse_billing, dst_country_id, dst_network_id";

    /** A call's attempts all start within this many seconds of its first one. */
    static final int MAX_ROUTING_SECONDS = 60;

    static final int MAX_ATTEMPTS = 3;
    private static final int ANSWERED_PERCENT = 60;

    private final List<Parties.Account> accounts;
    private final List<Destinations.Destination> catalogue;
    private final Tariffs tariffs;
    private final WeightedChoice destinationChoice;
    private final int[][] vendorsOf;
    private long nextId;
    private long calls;

    Calls(Parties parties, Destinations destinations, Tariffs tariffs, long idBase) {
        this.accounts = parties.accounts();
        this.catalogue = destinations.all();
        this.tariffs = tariffs;
        this.destinationChoice = new WeightedChoice(
                catalogue.stream().mapToLong(Destinations.Destination::weight).toArray());
        this.vendorsOf = new int[accounts.size()][];
        for (int customer = 0; customer < accounts.size(); customer++) {
            int self = customer;
            vendorsOf[customer] = IntStream.range(0, accounts.size())
                    .filter(v -> v != self && accounts.get(v).isVendor())
                    .toArray();
        }
        this.nextId = idBase + 1;
    }

    /** How many attempts a call of this customer gets: 1 (55 %), 2 (30 %) or 3, never more than its vendors. */
    int attempts(int customer, SplittableRandom random) {
        int draw = random.nextInt(100);
        int wanted = draw < 55 ? 1 : draw < 85 ? 2 : 3;
        return Math.min(wanted, vendorsOf[customer].length);
    }

    void write(CopyWriter out, int customer, long start, int attempts, SplittableRandom random) {
        int destination = destinationChoice.pick(random);
        Tariff sell = tariffs.destination(customer, destination);
        int[] vendors = vendorsOf[customer];
        int[] used = new int[attempts];
        long time = start;
        for (int attempt = 0; attempt < attempts; attempt++) {
            used[attempt] = distinctVendor(vendors, used, attempt, random);
            Tariff buy = tariffs.dialpeer(used[attempt], destination);
            boolean last = attempt == attempts - 1;
            if (!last || random.nextInt(100) >= ANSWERED_PERCENT) {
                row(out, time, null, 0, last, customer, used[attempt], destination, sell, buy);
                time += random.nextInt(2, 12); // the switch gives up and routes to the next vendor
            } else {
                long connect = time + random.nextInt(3, 26);
                int duration =
                        CallDurations.answered(random, accounts.get(customer).callDurationCap());
                row(out, time, connect, duration, true, customer, used[attempt], destination, sell, buy);
            }
        }
        calls++;
    }

    private static int distinctVendor(int[] vendors, int[] used, int count, SplittableRandom random) {
        while (true) {
            int candidate = vendors[random.nextInt(vendors.length)];
            boolean fresh = true;
            for (int i = 0; i < count; i++) {
                fresh &= used[i] != candidate;
            }
            if (fresh) {
                return candidate;
            }
        }
    }

    private void row(
            CopyWriter out,
            long start,
            Long connect,
            int duration,
            boolean last,
            int customer,
            int vendor,
            int destination,
            Tariff sell,
            Tariff buy) {
        Destinations.Network network = catalogue.get(destination).network();
        int customerBilled = sell.increment().billedSeconds(duration);
        int vendorBilled = buy.increment().billedSeconds(duration);
        out.value(nextId++).timestamp(start);
        if (connect == null) {
            out.nullValue();
        } else {
            out.timestamp(connect);
        }
        out.value(duration)
                .value(duration > 0)
                .value(last)
                .value(accounts.get(customer).id())
                .value(accounts.get(vendor).id())
                .value(sell.price(customerBilled))
                .value(buy.price(vendorBilled))
                .value(customerBilled)
                .value(vendorBilled)
                .raw(sell.prefix())
                .raw(sell.rateText())
                .value(sell.reverseBilling())
                .raw(buy.prefix())
                .raw(buy.rateText())
                .value(buy.reverseBilling())
                .value(network.country().id())
                .value(network.id())
                .endRow();
    }

    long calls() {
        return calls;
    }
}
