package org.billing.invoicing.bench;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceCalculator;
import org.billing.invoicing.invoice.InvoiceCalculator.Calculation;
import org.billing.invoicing.invoice.InvoiceFigures;
import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.PaymentModel;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * The two aggregation routes the design allows, measured on the same data (issue "Automatic invoicing
 * at scale", point 1): the SQL pushed down (the engine's route: {@link InvoiceCalculator#calculateAll}
 * over chunks of account-periods, on N threads), and one streamed binary {@code COPY} of the month's
 * CDRs aggregated in Java over primitives (both sides in one pass, N threads splitting the accounts),
 * with exact sums. Only the call aggregation is compared (the invoices' figures; writing them is the
 * same for both). The totals of both routes are checked to agree, invoice by invoice.
 */
final class AggregationRoutes {

    /** Microseconds between 1970-01-01 and 2000-01-01, PostgreSQL's epoch of binary timestamps. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private AggregationRoutes() {}

    record Account(long id, ZoneId zone) {}

    record Times(Duration sql, Duration copy, long calls) {}

    static Times compare(DataSource dataSource, LocalDate first, LocalDate last, int threads, int chunk)
            throws Exception {
        List<Account> accounts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT id, timezone FROM account ORDER BY id");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                accounts.add(new Account(row.getLong(1), ZoneId.of(row.getString(2))));
            }
        }
        long started = System.nanoTime();
        Map<String, long[]> sql = sqlRoute(dataSource, accounts, first, last, threads, chunk);
        Duration sqlTime = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        Map<String, long[]> copy = copyRoute(dataSource, accounts, first, last, threads);
        Duration copyTime = Duration.ofNanos(System.nanoTime() - started);
        long calls = 0;
        for (var entry : sql.entrySet()) {
            long[] other = copy.getOrDefault(entry.getKey(), new long[3]);
            // The amounts are compared in units of 10^-12 of a currency unit, as exact longs.
            if (!Arrays.equals(entry.getValue(), other)) {
                throw new IllegalStateException("The routes disagree on " + entry.getKey() + ": SQL "
                        + Arrays.toString(entry.getValue()) + ", COPY " + Arrays.toString(other));
            }
            calls += entry.getValue()[0];
        }
        for (var entry : copy.entrySet()) {
            if (entry.getValue()[0] > 0 && !sql.containsKey(entry.getKey())) {
                throw new IllegalStateException("Only the COPY route found calls for " + entry.getKey());
            }
        }
        return new Times(sqlTime, copyTime, calls);
    }

    /** calls, billed seconds, and the amount in units of 10^-12, per "account direction". */
    private static Map<String, long[]> sqlRoute(
            DataSource dataSource, List<Account> accounts, LocalDate first, LocalDate last, int threads, int chunk)
            throws Exception {
        List<Calculation> all = new ArrayList<>();
        for (Account account : accounts) {
            for (Direction direction : Direction.values()) {
                all.add(new Calculation(
                        account.id(),
                        direction,
                        PaymentModel.POSTPAY,
                        BillingPeriod.ofDays(first, last, account.zone())));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Map<String, long[]>>> parts = new ArrayList<>();
            for (int from = 0; from < all.size(); from += chunk) {
                List<Calculation> part = all.subList(from, Math.min(all.size(), from + chunk));
                parts.add(pool.submit(() -> {
                    Map<String, long[]> totals = new HashMap<>();
                    try (Connection connection = dataSource.getConnection()) {
                        connection.setAutoCommit(false);
                        List<InvoiceFigures> figures = new InvoiceCalculator().calculateAll(connection, part);
                        connection.commit();
                        for (int i = 0; i < part.size(); i++) {
                            var calls = figures.get(i).calls();
                            if (calls.callsCount() > 0) {
                                totals.put(
                                        part.get(i).accountId() + " "
                                                + part.get(i).direction(),
                                        new long[] {
                                            calls.callsCount(),
                                            calls.billingDuration(),
                                            units(calls.spent().add(calls.earned()))
                                        });
                            }
                        }
                    }
                    return totals;
                }));
            }
            Map<String, long[]> totals = new HashMap<>();
            for (Future<Map<String, long[]>> part : parts) {
                totals.putAll(part.get());
            }
            return totals;
        } finally {
            pool.shutdown();
        }
    }

    /** An amount in units of 10^-12; sums beyond a long (9.2 million at this scale) are folded modulo 2^64 alike in both routes. */
    private static long units(BigDecimal amount) {
        return amount.movePointRight(12).setScale(0).toBigIntegerExact().longValue();
    }

    private static Map<String, long[]> copyRoute(
            DataSource dataSource, List<Account> accounts, LocalDate first, LocalDate last, int threads)
            throws Exception {
        Map<Long, long[]> bounds = new HashMap<>();
        long widestStart = Long.MAX_VALUE;
        long widestEnd = Long.MIN_VALUE;
        for (Account account : accounts) {
            BillingPeriod period = BillingPeriod.ofDays(first, last, account.zone());
            long start = micros(period.start());
            long end = micros(period.end());
            bounds.put(account.id(), new long[] {start, end});
            widestStart = Math.min(widestStart, start);
            widestEnd = Math.max(widestEnd, end);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Map<String, long[]>>> parts = new ArrayList<>();
            for (int part = 0; part < threads; part++) {
                int bucket = part;
                long from = widestStart;
                long to = widestEnd;
                parts.add(pool.submit(() -> copyPart(dataSource, bounds, from, to, threads, bucket)));
            }
            Map<String, long[]> totals = new HashMap<>();
            for (Future<Map<String, long[]>> part : parts) {
                totals.putAll(part.get());
            }
            return totals;
        } finally {
            pool.shutdown();
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000 - PG_EPOCH_MICROS;
    }

    private static String timestamp(long pgMicros) {
        long unix = pgMicros + PG_EPOCH_MICROS;
        return Instant.ofEpochSecond(Math.floorDiv(unix, 1_000_000L), Math.floorMod(unix, 1_000_000L) * 1_000L)
                .toString();
    }

    /**
     * Groups per account, side, prefix, country, network, rate, success and reverse billing, as the
     * calculator's inner statement does, over primitives; the amounts are summed as exact unscaled longs.
     */
    private static Map<String, long[]> copyPart(
            DataSource dataSource, Map<Long, long[]> bounds, long from, long to, int parts, int bucket)
            throws Exception {
        String sql = "COPY (SELECT customer_acc_id, vendor_acc_id, time_start, duration, success, is_last_cdr,"
                + " customer_price, vendor_price, customer_duration, vendor_duration, destination_prefix,"
                + " destination_next_rate, destination_reverse_billing, dialpeer_prefix, dialpeer_next_rate,"
                + " dialpeer_reverse_billing, dst_country_id, dst_network_id FROM cdr"
                + " WHERE time_start >= '" + timestamp(from) + "' AND time_start < '" + timestamp(to) + "'"
                + " AND (customer_acc_id % " + parts + " = " + bucket + " OR vendor_acc_id % " + parts + " = " + bucket
                + ")) TO STDOUT (FORMAT binary)";
        Map<GroupKey, long[]> groups = new HashMap<>();
        Map<String, Integer> strings = new HashMap<>();
        Map<BigDecimal, Integer> rates = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            PGConnection postgres = connection.unwrap(PGConnection.class);
            try (InputStream copy = new PGCopyInputStream(postgres, sql);
                    DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(copy, 1 << 16))) {
                in.skipNBytes(11);
                in.readInt();
                in.skipNBytes(in.readInt());
                Row row = new Row();
                while (row.read(in)) {
                    for (int side = 0; side < 2; side++) {
                        long account = side == 0 ? row.customer : row.vendor;
                        if (account == Long.MIN_VALUE
                                || Math.floorMod(account, parts) != bucket
                                || (side == 0 && !row.lastAttempt)) {
                            continue;
                        }
                        long[] period = bounds.get(account);
                        if (period == null || row.timeStart < period[0] || row.timeStart >= period[1]) {
                            continue;
                        }
                        int prefix =
                                strings.computeIfAbsent(side == 0 ? row.dstPrefix : row.dpPrefix, s -> strings.size());
                        BigDecimal rate = side == 0 ? row.dstRate : row.dpRate;
                        int rateId = rate == null ? -1 : rates.computeIfAbsent(rate, r -> rates.size());
                        GroupKey key = new GroupKey(
                                account,
                                side,
                                prefix,
                                row.country,
                                row.network,
                                rateId,
                                row.success,
                                side == 0 ? row.dstReverse : row.dpReverse);
                        long[] sums = groups.computeIfAbsent(key, k -> new long[3]);
                        sums[0]++;
                        sums[1] += side == 0 ? row.customerDuration : row.vendorDuration;
                        sums[2] += side == 0 ? row.customerPrice : row.vendorPrice;
                    }
                }
            }
        }
        Map<String, long[]> totals = new HashMap<>();
        for (var group : groups.entrySet()) {
            long[] total = totals.computeIfAbsent(
                    group.getKey().account() + " "
                            + (group.getKey().side() == 0 ? Direction.CUSTOMER : Direction.VENDOR),
                    k -> new long[3]);
            for (int i = 0; i < 3; i++) {
                total[i] += group.getValue()[i];
            }
        }
        return totals;
    }

    private record GroupKey(
            long account,
            int side,
            int prefix,
            long country,
            long network,
            int rate,
            boolean success,
            boolean reverse) {}

    /** One CDR of the binary COPY, decoded into primitives; amounts as units of 10^-12. */
    private static final class Row {
        long customer;
        long vendor;
        long timeStart;
        boolean success;
        boolean lastAttempt;
        long customerPrice;
        long vendorPrice;
        long customerDuration;
        long vendorDuration;
        String dstPrefix;
        BigDecimal dstRate;
        boolean dstReverse;
        String dpPrefix;
        BigDecimal dpRate;
        boolean dpReverse;
        long country;
        long network;

        boolean read(DataInputStream in) throws IOException {
            short fields;
            try {
                fields = in.readShort();
            } catch (EOFException e) {
                return false;
            }
            if (fields == -1) {
                return false;
            }
            customer = int8(in);
            vendor = int8(in);
            timeStart = int8(in);
            skip(in); // duration: the invoice's calls duration; not compared here
            success = bool(in);
            lastAttempt = bool(in);
            customerPrice = units(in);
            vendorPrice = units(in);
            customerDuration = int4(in);
            vendorDuration = int4(in);
            dstPrefix = text(in);
            dstRate = numeric(in);
            dstReverse = bool(in);
            dpPrefix = text(in);
            dpRate = numeric(in);
            dpReverse = bool(in);
            country = int8(in);
            network = int8(in);
            return true;
        }

        private static long int8(DataInputStream in) throws IOException {
            int length = in.readInt();
            return length < 0 ? Long.MIN_VALUE : in.readLong();
        }

        private static long int4(DataInputStream in) throws IOException {
            int length = in.readInt();
            return length < 0 ? 0 : in.readInt();
        }

        private static boolean bool(DataInputStream in) throws IOException {
            int length = in.readInt();
            return length > 0 && in.readByte() != 0;
        }

        private static void skip(DataInputStream in) throws IOException {
            int length = in.readInt();
            if (length > 0) {
                in.skipNBytes(length);
            }
        }

        private static String text(DataInputStream in) throws IOException {
            int length = in.readInt();
            if (length < 0) {
                return "";
            }
            byte[] bytes = in.readNBytes(length);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** A numeric as an exact count of 10^-12 (the demo's prices have at most 12 decimals). */
        private static long units(DataInputStream in) throws IOException {
            int length = in.readInt();
            if (length < 0) {
                return 0;
            }
            int digits = in.readShort();
            int weight = in.readShort();
            int sign = in.readShort() & 0xFFFF;
            in.readShort(); // dscale
            long value = 0;
            // value = sum digit[i] * 10000^(weight - i); in units of 10^-12 = 10000^-3.
            for (int i = 0; i < digits; i++) {
                int digit = in.readShort();
                int power = weight - i + 3;
                if (power < 0) {
                    throw new ArithmeticException("More than 12 decimals");
                }
                value = Math.addExact(value, Math.multiplyExact((long) digit, pow10000(power)));
            }
            return sign == 0x4000 ? -value : value;
        }

        private static long pow10000(int power) {
            long result = 1;
            for (int i = 0; i < power; i++) {
                result = Math.multiplyExact(result, 10_000L);
            }
            return result;
        }

        private static BigDecimal numeric(DataInputStream in) throws IOException {
            int length = in.readInt();
            if (length < 0) {
                return null;
            }
            int digits = in.readShort();
            int weight = in.readShort();
            int sign = in.readShort() & 0xFFFF;
            int scale = in.readShort();
            BigInteger unscaled = BigInteger.ZERO;
            for (int i = 0; i < digits; i++) {
                unscaled = unscaled.multiply(BigInteger.valueOf(10_000)).add(BigInteger.valueOf(in.readShort()));
            }
            // The digits stand for unscaled * 10000^(weight - digits + 1).
            BigDecimal value = new BigDecimal(unscaled).scaleByPowerOfTen(4 * (weight - digits + 1));
            value = value.setScale(scale, java.math.RoundingMode.UNNECESSARY);
            return sign == 0x4000 ? value.negate() : value;
        }
    }

    static String describe(Times times, int threads) {
        return String.format(
                Locale.ROOT,
                "Aggregation routes on %d threads, %,d calls (invoices' figures only):%n"
                        + "  SQL pushed down (the engine's route): %,d ms%n"
                        + "  binary COPY aggregated in Java:      %,d ms%n"
                        + "  ratio COPY / SQL: %.2f (both routes agree on every invoice's calls, billed seconds and"
                        + " amount)%n",
                threads,
                times.calls(),
                times.sql().toMillis(),
                times.copy().toMillis(),
                times.copy().toNanos() / (double) times.sql().toNanos());
    }
}
