package org.billing.invoicing.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Services, the customers' subscriptions, their service transactions over the period (monthly charges,
 * one-off fees, refunds) and balance corrections.
 *
 * <p>A transaction's amount is always {@code quantity x unit_price x coalesce(duration_months, 1) -
 * discount + taxes}, taxes being the net times the account's tax rate, rounded to the currency's minor
 * unit: the figures add up the way an operator would check them. Refunds have a negative unit price.
 */
final class ServiceActivity {

    record Service(long id, String name) {}

    record Subscription(
            long id, Parties.Account account, Service service, String name, String status, int durationMonths) {}

    record Transaction(
            long id,
            long accountId,
            long serviceId,
            Long subscriptionId,
            String description,
            BigDecimal quantity,
            Integer durationMonths,
            BigDecimal unitPrice,
            BigDecimal discount,
            BigDecimal taxes,
            BigDecimal amount,
            Instant createdAt) {}

    record Correction(long id, long accountId, String description, BigDecimal amount, Instant approvedAt) {}

    /** The 22 statuses of seed 002, as the subscription table's CHECK spells them. */
    static final List<String> STATUSES = List.of(
            "ORDERED",
            "ACTIVE",
            "DELIVERED",
            "GRACED",
            "STOPPED",
            "DELETED",
            "INSTALLATION_FAILED",
            "ACTIVATION_FAILED",
            "RENEWAL_FAILED",
            "UPDATING_FAILED",
            "STOPPING_FAILED",
            "DELETION_FAILED",
            "SWITCHING_FAILED",
            "INSTALLING",
            "ACTIVATING",
            "RENEWING",
            "UPDATING",
            "STOPPING",
            "DELETING",
            "SWITCHING",
            "WAITING_FOR_MANUAL_APPROVE",
            "BLOCKED");

    /** Statuses in which the service is delivered, hence charged every month. */
    private static final Set<String> CHARGED = Set.of(
            "ACTIVE",
            "DELIVERED",
            "GRACED",
            "RENEWING",
            "UPDATING",
            "SWITCHING",
            "RENEWAL_FAILED",
            "UPDATING_FAILED",
            "SWITCHING_FAILED",
            "STOPPING_FAILED");

    private static final String[] SERVICE_NAMES = {
        "DID rental", "Toll-free number", "Support plan", "Refund", "Setup fee", "Number porting",
    };
    private static final int DID = 0;
    private static final int TOLL_FREE = 1;
    private static final int SUPPORT = 2;
    private static final int REFUND = 3;
    private static final int SETUP = 4;
    private static final int PORTING = 5;

    private static final String[] CORRECTIONS = {
        "Payment received, thank you", "Goodwill credit for the outage on premium routes",
        "Chargeback of card payment", "Manual adjustment after dispute",
    };

    private final IdBase ids;
    private final DemoPeriod period;
    private final SplittableRandom random;
    private final List<Service> services = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Transaction> transactions = new ArrayList<>();
    private final List<Correction> corrections = new ArrayList<>();

    private ServiceActivity(IdBase ids, DemoPeriod period, SplittableRandom random) {
        this.ids = ids;
        this.period = period;
        this.random = random;
    }

    static ServiceActivity generate(Parties parties, DemoPeriod period, IdBase ids, SplittableRandom random) {
        ServiceActivity activity = new ServiceActivity(ids, period, random);
        for (String name : SERVICE_NAMES) {
            activity.services.add(new Service(ids.service() + activity.services.size() + 1, name));
        }
        for (Parties.Account account : parties.customers()) {
            activity.subscribe(account);
        }
        for (Subscription subscription : activity.subscriptions) {
            activity.chargeMonthly(subscription);
        }
        for (Parties.Account account : parties.customers()) {
            activity.chargeOnce(account);
        }
        for (Parties.Account account : parties.accounts()) {
            activity.correct(account);
        }
        return activity;
    }

    private void subscribe(Parties.Account account) {
        int count = 1 + random.nextInt(3);
        for (int kind = 0; kind < count; kind++) {
            String status = random.nextInt(100) < 60 ? "ACTIVE" : STATUSES.get(random.nextInt(STATUSES.size()));
            int durationMonths = random.nextInt(4) == 0 ? 3 : 1;
            subscriptions.add(new Subscription(
                    ids.subscription() + subscriptions.size() + 1,
                    account,
                    services.get(kind),
                    subscriptionName(kind),
                    status,
                    durationMonths));
        }
    }

    private String subscriptionName(int kind) {
        return switch (kind) {
            case DID -> String.format("DID block +49 30 %04d 00-99", random.nextInt(1_000, 10_000));
            case TOLL_FREE -> String.format("Toll-free +1 800 555 %04d", random.nextInt(10_000));
            default -> "Support plan " + new String[] {"Silver", "Gold", "Platinum"}[random.nextInt(3)];
        };
    }

    /** One charge per month of the period (or one for the whole span of a 3-month subscription). */
    private void chargeMonthly(Subscription subscription) {
        if (!CHARGED.contains(subscription.status())) {
            return;
        }
        ZoneId zone = ZoneId.of(subscription.account().timezone());
        YearMonth last = YearMonth.from(period.end().atZone(zone));
        YearMonth month = YearMonth.from(period.start().atZone(zone));
        for (; !month.isAfter(last); month = month.plusMonths(subscription.durationMonths())) {
            Instant monthStart = month.atDay(1).atStartOfDay(zone).toInstant();
            Instant from = monthStart.isBefore(period.start()) ? period.start() : monthStart;
            Instant at = from.plusSeconds(random.nextLong(3 * 86_400));
            if (period.contains(at)) {
                transactions.add(subscriptionCharge(subscription, month, at));
            }
        }
    }

    private Transaction subscriptionCharge(Subscription subscription, YearMonth month, Instant at) {
        DemoCurrency currency = subscription.account().currency();
        int kind = services.indexOf(subscription.service());
        BigDecimal quantity = switch (kind) {
            case DID -> BigDecimal.valueOf(1 + random.nextInt(20)).setScale(3);
            case TOLL_FREE -> BigDecimal.ONE.setScale(3);
            default -> BigDecimal.valueOf(random.nextInt(4, 40) * 250L, 3); // hours, by the quarter
        };
        BigDecimal unitPrice =
                currency.money(new BigDecimal(kind == DID ? "1.50" : kind == TOLL_FREE ? "12.00" : "45.00"));
        String description = subscription.service().name() + " " + month + ": " + subscription.name();
        return transaction(
                subscription.account(),
                subscription.service(),
                subscription.id(),
                description,
                quantity,
                subscription.durationMonths(),
                unitPrice,
                random.nextInt(4) == 0,
                at);
    }

    private void chargeOnce(Parties.Account account) {
        DemoCurrency currency = account.currency();
        if (random.nextInt(100) < 30) {
            transaction(
                    account,
                    SETUP,
                    null,
                    "Setup fee for new interconnect",
                    BigDecimal.ONE.setScale(3),
                    currency.money(BigDecimal.valueOf(150)));
        }
        if (random.nextInt(100) < 15) {
            transaction(
                    account,
                    PORTING,
                    null,
                    "Number porting",
                    BigDecimal.valueOf(1 + random.nextInt(10)).setScale(3),
                    currency.money(BigDecimal.valueOf(25)));
        }
        if (random.nextInt(100) < 35) {
            Long subscription = subscriptions.stream()
                    .filter(s -> s.account().equals(account))
                    .map(Subscription::id)
                    .findFirst()
                    .orElse(null);
            transaction(
                    account,
                    REFUND,
                    subscription,
                    "Refund for service outage",
                    BigDecimal.ONE.setScale(3),
                    currency.money(BigDecimal.valueOf(-random.nextInt(500, 8_000), 2)));
        }
    }

    private void transaction(
            Parties.Account account,
            int service,
            Long subscription,
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice) {
        transactions.add(transaction(
                account,
                services.get(service),
                subscription,
                description,
                quantity,
                null,
                unitPrice,
                false,
                randomInstant()));
    }

    private Transaction transaction(
            Parties.Account account,
            Service service,
            Long subscription,
            String description,
            BigDecimal quantity,
            Integer durationMonths,
            BigDecimal unitPrice,
            boolean discounted,
            Instant at) {
        int scale = account.currency().scale();
        BigDecimal gross =
                quantity.multiply(unitPrice).multiply(BigDecimal.valueOf(durationMonths == null ? 1 : durationMonths));
        BigDecimal discount = discounted
                ? gross.multiply(new BigDecimal("0.10")).setScale(scale, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(scale);
        BigDecimal net = gross.subtract(discount);
        BigDecimal taxes = net.multiply(taxRate(account.currency())).setScale(scale, RoundingMode.HALF_UP);
        return new Transaction(
                ids.serviceTransaction() + transactions.size() + 1,
                account.id(),
                service.id(),
                subscription,
                description,
                quantity,
                durationMonths,
                unitPrice,
                discount,
                taxes,
                tidy(net.add(taxes), scale),
                at);
    }

    /** The same value without the trailing zeros that multiplying by a 3-decimal quantity leaves. */
    private static BigDecimal tidy(BigDecimal amount, int currencyScale) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.setScale(Math.max(currencyScale, stripped.scale()));
    }

    private static BigDecimal taxRate(DemoCurrency currency) {
        return switch (currency) {
            case EUR -> new BigDecimal("0.19");
            case AUD -> new BigDecimal("0.10");
            case IDR -> new BigDecimal("0.11");
            case USD -> BigDecimal.ZERO;
        };
    }

    private void correct(Parties.Account account) {
        if (random.nextInt(100) >= 35) {
            return;
        }
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(CORRECTIONS.length);
            BigDecimal usd = BigDecimal.valueOf(random.nextInt(1_000, 500_000), 2);
            boolean negative = kind == 2 || kind == 3 && random.nextBoolean();
            corrections.add(new Correction(
                    ids.balanceCorrection() + corrections.size() + 1,
                    account.id(),
                    CORRECTIONS[kind],
                    account.currency().money(negative ? usd.negate() : usd),
                    randomInstant()));
        }
    }

    private Instant randomInstant() {
        return Instant.ofEpochSecond(
                random.nextLong(period.start().getEpochSecond(), period.end().getEpochSecond()));
    }

    List<Service> services() {
        return List.copyOf(services);
    }

    List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    List<Transaction> transactions() {
        return List.copyOf(transactions);
    }

    List<Correction> corrections() {
        return List.copyOf(corrections);
    }
}
