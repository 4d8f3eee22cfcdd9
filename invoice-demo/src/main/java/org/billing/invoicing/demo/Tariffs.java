package org.billing.invoicing.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Every customer account's rate deck (destinations) and every vendor account's (dialpeers), by
 * account index and destination index. Customers pay a 20-60 % markup on the wholesale rate, vendors
 * charge 80-95 % of it; about 2 % of the entries are reverse-billing.
 */
final class Tariffs {

    private static final BillingIncrement[] INCREMENTS = {
        BillingIncrement.PER_MINUTE,
        BillingIncrement.PER_MINUTE,
        BillingIncrement.PER_SECOND,
        BillingIncrement.HALF_MINUTE_THEN_SIX,
        BillingIncrement.HALF_MINUTE_THEN_SIX,
    };
    private static final int REVERSE_BILLING_PER_MILLE = 20;

    private final Tariff[][] destinations;
    private final Tariff[][] dialpeers;

    private Tariffs(int accounts, int prefixes) {
        destinations = new Tariff[accounts][prefixes];
        dialpeers = new Tariff[accounts][prefixes];
    }

    static Tariffs generate(
            List<Parties.Account> accounts, List<Destinations.Destination> catalogue, SplittableRandom random) {
        Tariffs tariffs = new Tariffs(accounts.size(), catalogue.size());
        for (int a = 0; a < accounts.size(); a++) {
            Parties.Account account = accounts.get(a);
            for (int d = 0; d < catalogue.size(); d++) {
                Destinations.Destination destination = catalogue.get(d);
                BigDecimal wholesale = account.currency().fromUsd(destination.usdRate());
                if (account.isCustomer()) {
                    BigDecimal markup = BigDecimal.valueOf(120 + random.nextInt(41), 2);
                    tariffs.destinations[a][d] = tariff(destination.prefix(), wholesale.multiply(markup), random);
                }
                if (account.isVendor()) {
                    // Half the vendors quote coarser prefixes than the customers' decks.
                    String prefix = a % 2 == 1 && destination.prefix().length() > 4
                            ? destination
                                    .prefix()
                                    .substring(0, destination.prefix().length() - 1)
                            : destination.prefix();
                    BigDecimal share = BigDecimal.valueOf(80 + random.nextInt(16), 2);
                    tariffs.dialpeers[a][d] = tariff(prefix, wholesale.multiply(share), random);
                }
            }
        }
        return tariffs;
    }

    private static Tariff tariff(String prefix, BigDecimal rate, SplittableRandom random) {
        BillingIncrement increment = INCREMENTS[random.nextInt(INCREMENTS.length)];
        return Tariff.of(prefix, rate, increment, random.nextInt(1000) < REVERSE_BILLING_PER_MILLE);
    }

    Tariff destination(int account, int destination) {
        return destinations[account][destination];
    }

    Tariff dialpeer(int account, int destination) {
        return dialpeers[account][destination];
    }
}
