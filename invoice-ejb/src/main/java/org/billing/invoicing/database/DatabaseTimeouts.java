package org.billing.invoicing.database;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.postgresql.ds.common.BaseDataSource;

/**
 * How long the database may keep a connection of the module busy, so that a stuck query or a row
 * another session keeps locked cannot hold a connection of the pool, and the request waiting on it, for
 * ever:
 * <ul>
 * <li>{@code statement}: any one statement ({@code statement_timeout} of every session);</li>
 * <li>{@code lock}: waiting for a lock held by another session ({@code lock_timeout}); a request then
 *     fails with a clear error ({@code DATABASE_BUSY}) instead of hanging;</li>
 * <li>{@code aggregation}: the statements that sum a period's CDRs (Calculate and automatic invoicing,
 *     tens of millions of rows), which set it for their own transaction only;</li>
 * <li>{@code socket}: no answer at all from the server (a dead network); above both statement timeouts,
 *     so that it only ever ends a connection whose server is gone.</li>
 * </ul>
 */
public record DatabaseTimeouts(Duration statement, Duration lock, Duration aggregation, Duration socket) {

    public static final Duration DEFAULT_STATEMENT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_LOCK = Duration.ofSeconds(15);
    public static final Duration DEFAULT_AGGREGATION = Duration.ofHours(1);
    /** How much longer than the longest statement the socket waits by default. */
    static final Duration SOCKET_MARGIN = Duration.ofMinutes(5);

    static final int CONNECT_TIMEOUT_SECONDS = 10;

    private static DatabaseTimeouts configured;

    public DatabaseTimeouts {
        positive("invoicing.db.statement-timeout", statement);
        positive("invoicing.db.lock-timeout", lock);
        positive("invoicing.db.aggregation-timeout", aggregation);
        positive("invoicing.db.socket-timeout", socket);
    }

    /** The timeouts of the deployment's settings, read once. */
    public static synchronized DatabaseTimeouts configured() {
        if (configured == null) {
            configured = of(Settings::value);
        }
        return configured;
    }

    /** The timeouts of the given settings ({@code invoicing.db.statement-timeout} etc.), the defaults for the missing ones. */
    public static DatabaseTimeouts of(Function<String, Optional<String>> settings) {
        Duration statement = setting(settings, "invoicing.db.statement-timeout").orElse(DEFAULT_STATEMENT);
        Duration lock = setting(settings, "invoicing.db.lock-timeout").orElse(DEFAULT_LOCK);
        Duration aggregation =
                setting(settings, "invoicing.db.aggregation-timeout").orElse(DEFAULT_AGGREGATION);
        Duration longest = statement.compareTo(aggregation) > 0 ? statement : aggregation;
        Duration socket = setting(settings, "invoicing.db.socket-timeout").orElse(longest.plus(SOCKET_MARGIN));
        return new DatabaseTimeouts(statement, lock, aggregation, socket);
    }

    /**
     * Sets them on a PostgreSQL data source: the two session timeouts as startup options (kept after
     * any options of the JDBC URL), the socket and connect timeouts, and TCP keep-alive.
     */
    public void applyTo(BaseDataSource dataSource) {
        String options = "-c statement_timeout=" + statement.toMillis() + " -c lock_timeout=" + lock.toMillis();
        String given = dataSource.getOptions();
        dataSource.setOptions(given == null || given.isBlank() ? options : given + " " + options);
        dataSource.setSocketTimeout(seconds(socket));
        dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        dataSource.setTcpKeepAlive(true);
    }

    /**
     * The {@code set_config} call (to {@code SELECT}) that lets the statements of the current transaction
     * run up to {@link #aggregation()}; the session's shorter timeout is back once the transaction ends.
     */
    public String aggregationSetting() {
        return "set_config('statement_timeout', '" + aggregation.toMillis() + "', true)";
    }

    private static int seconds(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (duration.toMillis() + 999) / 1000));
    }

    private static Optional<Duration> setting(Function<String, Optional<String>> settings, String key) {
        return settings.apply(key).map(text -> duration(key, text.trim()));
    }

    /** A duration setting as {@link Settings#duration} reads it; refused naming its key otherwise. */
    static Duration duration(String key, String text) {
        return Settings.duration(text).orElseThrow(() -> invalid(key, text));
    }

    private static IllegalArgumentException invalid(String key, String text) {
        return new IllegalArgumentException(key + " " + Settings.DURATION_RULE + ", not '" + text + "'.");
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration (it is " + value + ")");
        }
    }
}
