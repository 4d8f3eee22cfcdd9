package org.billing.invoicing.generation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.database.Database;
import org.billing.invoicing.invoice.InvoiceCalculator;
import org.billing.invoicing.invoice.InvoiceCalculator.Calculation;
import org.billing.invoicing.invoice.InvoiceFigures;
import org.billing.invoicing.platform.PaymentModel;

/**
 * One partition of a run at work: it claims a chunk of the run's due account-periods, computes all
 * their figures in one statement per direction ({@link InvoiceCalculator#calculateAll}, the very SQL
 * of Calculate), then writes the invoices in batches, each batch in one transaction with the items it
 * marks done (a prepay account's invoice closed and numbered in it, as one by one). A batch that is
 * refused is written again invoice by invoice, each in a transaction of its own: a period that fails is
 * recorded with its code and reason and the others go on; a deadlock, a serialization failure or a lost
 * connection is tried again with a growing pause.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GenerationWorker {

    private static final Logger LOG = Logger.getLogger(GenerationWorker.class.getName());
    static final int MAX_ATTEMPTS = 4;
    /** Invoices written per transaction: few statements for many invoices, few lost to a refusal. */
    private static final int WRITE_BATCH = 250;

    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    @EJB
    private AutoInvoicingService autoInvoicing;

    @EJB
    private GenerationRunTimer metrics;

    @Inject
    private Clock clock;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Resource
    private ManagedExecutorService executor;

    private final InvoiceCalculator calculator = new InvoiceCalculator();

    /** What the worker needs of an account; {@code problem} says why it cannot be invoiced. */
    private record Account(ZoneId zone, PaymentModel paymentModel, String problem) {}

    /** Works on the run until no open item is left for this node; returns how many items it ended. */
    public int work(long runId, int bucket) {
        GenerationSettings settings = GenerationSettings.current();
        int ended = 0;
        while (true) {
            List<DueItem> items = inTransaction(connection -> {
                Instant now = clock.instant();
                GenerationStore.heartbeat(connection, runId, 0, now);
                return GenerationStore.claim(connection, runId, bucket, settings.chunk(), now, settings.lease());
            });
            if (items.isEmpty()) {
                return ended;
            }
            // The chunk stays this node's while it works on it, however long that takes: a chunk slower
            // than the lease must not look dead, or another partition or node would claim it again and
            // a start elsewhere would abandon the run.
            ScheduledFuture<?> keepAlive = scheduler.scheduleAtFixedRate(
                    () -> keepAlive(runId, items, settings.lease()),
                    settings.lease().toMillis() / 3,
                    settings.lease().toMillis() / 3,
                    TimeUnit.MILLISECONDS);
            try {
                ended += workOn(runId, bucket, items, settings.threads());
            } finally {
                keepAlive.cancel(false);
            }
        }
    }

    /** Computes and writes a claimed chunk; returns how many of its items it ended. */
    private int workOn(long runId, int bucket, List<DueItem> items, int writers) {
        int ended = 0;
        Map<Long, Account> accounts = accounts(items);
        List<DueItem> computable = new ArrayList<>();
        List<Calculation> calculations = new ArrayList<>();
        for (DueItem item : items) {
            Account account = accounts.get(item.accountId());
            if (account == null || account.problem() != null) {
                fail(
                        item,
                        account == null ? "ACCOUNT_NOT_FOUND" : "INVALID_TIME_ZONE",
                        account == null ? "There is no account " + item.accountId() + " any more." : account.problem(),
                        1);
                ended++;
            } else {
                computable.add(item);
                calculations.add(new Calculation(
                        item.accountId(),
                        item.direction(),
                        account.paymentModel(),
                        item.period().in(account.zone())));
            }
        }
        long computing = System.nanoTime();
        List<InvoiceFigures> figures = figures(computable, calculations);
        long writing = System.nanoTime();
        long cdrs = 0;
        List<DueItem> together = new ArrayList<>();
        List<InvoiceFigures> togetherFigures = new ArrayList<>();
        // A prepay account's invoice is numbered as it is written, and a batch that numbers holds its series'
        // counter until it commits: those come last, together, so that the other batches never wait for them.
        for (boolean numbered : new boolean[] {false, true}) {
            for (int i = 0; i < computable.size(); i++) {
                DueItem item = computable.get(i);
                InvoiceFigures computed = figures.get(i);
                if (computed == null
                        || (accounts.get(item.accountId()).paymentModel() == PaymentModel.PREPAY) != numbered) {
                    continue;
                }
                cdrs += computed.calls().callsCount();
                together.add(item);
                togetherFigures.add(computed);
            }
        }
        ended += computable.size();
        writeConcurrently(together, togetherFigures, writers);
        long aggregated = cdrs;
        long written = System.nanoTime();
        LOG.info(() -> "Generation run " + runId + ", partition " + bucket + ": " + items.size()
                + " periods, " + aggregated + " calls computed in " + (writing - computing) / 1_000_000
                + " ms, invoices written in " + (written - writing) / 1_000_000 + " ms");
        inTransaction(connection -> {
            GenerationStore.heartbeat(connection, runId, aggregated, clock.instant());
            return null;
        });
        metrics.aggregated(aggregated);
        return ended;
    }

    /** The run's heartbeat and a new lease for the chunk's items this node still works on. */
    private void keepAlive(long runId, List<DueItem> items, Duration lease) {
        try {
            inTransaction(connection -> {
                Instant now = clock.instant();
                GenerationStore.heartbeat(connection, runId, 0, now);
                GenerationStore.renewLease(
                        connection, items.stream().map(DueItem::id).toList(), now.plus(lease));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not renew the lease of " + items.size() + " periods of run " + runId, e);
        }
    }

    /** The figures of the chunk in one go; should that fail, each alone, so that one bad period spoils no other. */
    private List<InvoiceFigures> figures(List<DueItem> items, List<Calculation> calculations) {
        if (items.isEmpty()) {
            return List.of();
        }
        try {
            return withRetries(() -> inTransaction(connection -> calculator.calculateAll(connection, calculations)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Computing " + items.size() + " invoices together failed; computing each alone", e);
        }
        List<InvoiceFigures> figures = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Calculation calculation = calculations.get(i);
            try {
                figures.add(withRetries(() -> inTransaction(connection -> calculator
                        .calculateAll(connection, List.of(calculation))
                        .get(0))));
            } catch (RuntimeException e) {
                Failure failure = Failure.of(e);
                fail(items.get(i), failure.code(), failure.reason(), MAX_ATTEMPTS);
                figures.add(null);
            }
        }
        return figures;
    }

    /**
     * Writes the chunk's invoices in batches, {@code threads} batches at a time: a batch keeps a Java thread
     * and a database connection busy in turns, so one writer alone would leave the cores half idle.
     */
    private void writeConcurrently(List<DueItem> items, List<InvoiceFigures> figures, int threads) {
        List<Integer> starts = new ArrayList<>();
        for (int from = 0; from < items.size(); from += WRITE_BATCH) {
            starts.add(from);
        }
        AtomicInteger next = new AtomicInteger();
        Runnable writer = () -> {
            for (int batch = next.getAndIncrement(); batch < starts.size(); batch = next.getAndIncrement()) {
                int from = starts.get(batch);
                int to = Math.min(items.size(), from + WRITE_BATCH);
                createTogether(items.subList(from, to), figures.subList(from, to));
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int i = 1; i < Math.min(threads, starts.size()); i++) {
            helpers.add(executor.submit(writer));
        }
        writer.run();
        for (Future<?> helper : helpers) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing invoices", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("A writer of the chunk failed", e.getCause());
            }
        }
    }

    /** A batch of invoices in one transaction; should it be refused, each alone, to find the culprit. */
    private void createTogether(List<DueItem> items, List<InvoiceFigures> figures) {
        try {
            withRetries(() -> autoInvoicing.createAll(items, figures));
            metrics.created(items.size());
            return;
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e);
            LOG.info(() -> "Creating " + items.size() + " invoices together was refused (" + failure.code() + ": "
                    + failure.reason() + "); creating each alone");
        }
        for (int i = 0; i < items.size(); i++) {
            create(items.get(i), figures.get(i));
        }
    }

    private void create(DueItem item, InvoiceFigures figures) {
        for (int attempt = 1; ; attempt++) {
            try {
                autoInvoicing.create(item, figures, attempt);
                metrics.created(1);
                return;
            } catch (RuntimeException e) {
                Failure failure = Failure.of(e);
                if (failure.transientError() && attempt < MAX_ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                if (failure.skipped()) {
                    end(item, "SKIPPED", failure.code(), failure.reason(), attempt);
                } else {
                    LOG.log(
                            Level.WARNING,
                            "Automatic invoice of account " + item.accountId() + " " + item.direction() + " "
                                    + item.period() + " failed: " + failure.code(),
                            e);
                    fail(item, failure.code(), failure.reason(), attempt);
                }
                return;
            }
        }
    }

    private void fail(DueItem item, String code, String reason, int attempts) {
        metrics.failed();
        end(item, "FAILED", code, reason, attempts);
    }

    private void end(DueItem item, String status, String code, String reason, int attempts) {
        inTransaction(connection -> {
            GenerationStore.markEnded(connection, item.id(), status, code, reason, attempts, clock.instant());
            return null;
        });
    }

    private Map<Long, Account> accounts(List<DueItem> items) {
        return withRetries(() -> inTransaction(connection -> {
            Map<Long, Account> accounts = new HashMap<>();
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT id, timezone, payment_model FROM account WHERE id = ANY (?)")) {
                select.setArray(
                        1,
                        connection.createArrayOf(
                                "bigint",
                                items.stream()
                                        .map(DueItem::accountId)
                                        .distinct()
                                        .toArray()));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        long id = row.getLong("id");
                        String timezone = row.getString("timezone");
                        PaymentModel model = PaymentModel.valueOf(row.getString("payment_model"));
                        try {
                            accounts.put(id, new Account(ZoneId.of(timezone), model, null));
                        } catch (DateTimeException e) {
                            // Changed since the run was planned.
                            accounts.put(
                                    id,
                                    new Account(
                                            null,
                                            model,
                                            "Account " + id + " has the time zone '" + timezone
                                                    + "', which is not a known IANA zone."));
                        }
                    }
                }
            }
            return accounts;
        }));
    }

    private static void pause(int attempt) {
        long millis = FIRST_PAUSE.toMillis() << (attempt - 1);
        try {
            Thread.sleep(millis + ThreadLocalRandom.current().nextLong(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Work<T> {
        T in(Connection connection) throws SQLException;
    }

    /** A local transaction of its own: the worker runs outside any container transaction. */
    private <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.in(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    private static <T> T withRetries(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!Failure.of(e).transientError() || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** What went wrong, as the run reports it. */
    record Failure(String code, String reason, boolean transientError, boolean skipped) {

        static Failure of(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvoicingException refused) {
                    boolean skipped = switch (refused.code()) {
                        case PERIOD_OVERLAP -> true;
                        default -> false;
                    };
                    return new Failure(refused.code().name(), refused.getMessage(), false, skipped);
                }
                if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                    String state = sql.getSQLState();
                    // 55P03: a lock another session held past the lock timeout; the next attempt may get it.
                    boolean transientError = state.equals("40P01")
                            || state.equals("40001")
                            || state.startsWith("08")
                            || state.equals("57P01")
                            || state.equals("55P03");
                    if (state.equals("23P01")) {
                        return new Failure(
                                "PERIOD_OVERLAP",
                                "An invoice of the same account and direction was"
                                        + " created for this period at the same time.",
                                false,
                                true);
                    }
                    return new Failure(
                            transientError ? "DATABASE_UNAVAILABLE" : "DATABASE_ERROR",
                            "SQLSTATE " + state + ": " + firstLine(sql.getMessage()),
                            transientError,
                            false);
                }
            }
            Throwable root = error;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return new Failure(
                    "INTERNAL_ERROR",
                    root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()),
                    false,
                    false);
        }

        private static String firstLine(String message) {
            return message == null ? "" : message.lines().findFirst().orElse("");
        }
    }
}
