package org.billing.invoicing.login;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

import org.billing.invoicing.common.Jdbc;

/**
 * The failed logins of every node, kept in the database ({@code login_failure}) so that a lockout holds
 * on whichever node the next attempt reaches.
 *
 * <p>The happy path stays cheap: a node reads the lockouts in force (and the user names with recent
 * failures) at most once per {@link #refresh} when logins come, not once per request, so a lockout made
 * on another node is enforced here within that time; a failure is written at once, and the write itself
 * finds a lockout another node made. A successful login writes only when its user has failures known.
 *
 * <p>Should the database fail, logins are not throttled (the failure is logged): the database the
 * module cannot work without is no reason to lock everybody out.
 */
public final class LoginFailures {

    private static final Logger LOG = Logger.getLogger(LoginFailures.class.getName());
    /** Longer keys are cut: a user name is never this long, and a row must stay small. */
    static final int MAX_KEY = 200;

    enum Kind {
        USER,
        ADDRESS
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final LoginLimits limits;
    private final Duration refresh;

    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, Map.of(), Set.of());

    /** What this node knows: the lockouts in force by "KIND key", and the user names with recent failures. */
    private record Snapshot(Instant readAt, Map<String, Instant> locks, Set<String> usersWithFailures) {}

    public LoginFailures(DataSource dataSource, Clock clock, LoginLimits limits, Duration refresh) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.limits = limits;
        this.refresh = refresh;
    }

    public LoginLimits limits() {
        return limits;
    }

    /**
     * Until when attempts of this user name (may be null) or from this address are refused, if a lockout
     * is in force; checked before any password.
     */
    public Optional<Instant> lockedUntil(String user, String address) {
        Instant now = clock.instant();
        Snapshot known = current(now);
        Instant until = later(lock(known, Kind.USER, user, now), lock(known, Kind.ADDRESS, address, now));
        return Optional.ofNullable(until);
    }

    /**
     * Records a failed attempt of {@code user} (null when no user name could be read) from {@code address}.
     * Answers the lockout when one was in force already (made by another node since this one last read
     * them): the attempt is then refused as locked, and not counted.
     */
    public Optional<Instant> failed(String user, String address) {
        Instant now = clock.instant();
        Instant refusedUntil = null;
        Map<String, Instant> newLocks = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                // Always the user's row before the address's: two nodes never wait for each other in turn.
                if (user != null) {
                    FailureCount before = count(connection, Kind.USER, key(user), now, limits.perUser());
                    if (before != null && before.lockedAt(now)) {
                        refusedUntil = before.lockedUntil();
                        newLocks.put(id(Kind.USER, key(user)), before.lockedUntil());
                    }
                }
                if (address != null) {
                    FailureCount before = count(connection, Kind.ADDRESS, key(address), now, limits.perAddress());
                    if (before != null && before.lockedAt(now)) {
                        refusedUntil = later(refusedUntil, before.lockedUntil());
                        newLocks.put(id(Kind.ADDRESS, key(address)), before.lockedUntil());
                    }
                }
                newLocks.putAll(locksOf(connection, user, address, now));
                forgetStale(connection, now);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not record a failed login: logins are not throttled while the database fails",
                    e);
            return Optional.empty();
        }
        learn(newLocks, user);
        return Optional.ofNullable(refusedUntil);
    }

    /** A successful login forgets its user's failures (not its address's: an attacker's own login must not clear them). */
    public void succeeded(String user) {
        if (!snapshot.usersWithFailures().contains(key(user))) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM login_failure WHERE kind = 'USER' AND key = ?")) {
            delete.setString(1, key(user));
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not clear the failed logins of a user", e);
            return;
        }
        synchronized (this) {
            Set<String> users = new HashSet<>(snapshot.usersWithFailures());
            users.remove(key(user));
            Map<String, Instant> locks = new HashMap<>(snapshot.locks());
            locks.remove(id(Kind.USER, key(user)));
            snapshot = new Snapshot(snapshot.readAt(), Map.copyOf(locks), Set.copyOf(users));
        }
    }

    /**
     * Counts one failure of the row, made if missing, and answers the row as it was before (null when
     * new). A row locked now is left as it is.
     */
    private FailureCount count(Connection connection, Kind kind, String key, Instant now, int limit)
            throws SQLException {
        FailureCount first = FailureCount.first(now, limit, limits.window());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO login_failure (kind, key, failures, first_at, locked_until) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (kind, key) DO NOTHING""")) {
            insert.setString(1, kind.name());
            insert.setString(2, key);
            insert.setInt(3, first.failures());
            Jdbc.setInstant(insert, 4, first.firstAt());
            Jdbc.setInstant(insert, 5, first.lockedUntil());
            if (insert.executeUpdate() == 1) {
                return null;
            }
        }
        FailureCount before;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT failures, first_at, locked_until FROM login_failure WHERE kind = ? AND key = ? FOR UPDATE")) {
            select.setString(1, kind.name());
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                before = new FailureCount(
                        row.getInt("failures"), Jdbc.instant(row, "first_at"), Jdbc.instant(row, "locked_until"));
            }
        }
        FailureCount after = before.afterFailure(now, limit, limits.window());
        if (!after.equals(before)) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE login_failure SET failures = ?, first_at = ?, locked_until = ? WHERE kind = ? AND key = ?")) {
                update.setInt(1, after.failures());
                Jdbc.setInstant(update, 2, after.firstAt());
                Jdbc.setInstant(update, 3, after.lockedUntil());
                update.setString(4, kind.name());
                update.setString(5, key);
                update.executeUpdate();
            }
        }
        return before;
    }

    /** The lockouts of these keys after the failure was counted, so that this node refuses the next attempt at once. */
    private Map<String, Instant> locksOf(Connection connection, String user, String address, Instant now)
            throws SQLException {
        Map<String, Instant> locks = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT kind, key, locked_until FROM login_failure
                WHERE locked_until > ? AND ((kind = 'USER' AND key = ?) OR (kind = 'ADDRESS' AND key = ?))""")) {
            Jdbc.setInstant(select, 1, now);
            select.setString(2, user == null ? null : key(user));
            select.setString(3, address == null ? null : key(address));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    locks.put(row.getString("kind") + " " + row.getString("key"), Jdbc.instant(row, "locked_until"));
                }
            }
        }
        return locks;
    }

    private void forgetStale(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM login_failure
                WHERE (locked_until IS NULL OR locked_until <= ?) AND first_at <= ?""")) {
            Jdbc.setInstant(delete, 1, now);
            Jdbc.setInstant(delete, 2, now.minus(limits.window()));
            delete.executeUpdate();
        }
    }

    private synchronized void learn(Map<String, Instant> newLocks, String user) {
        Map<String, Instant> locks = new HashMap<>(snapshot.locks());
        locks.putAll(newLocks);
        Set<String> users = new HashSet<>(snapshot.usersWithFailures());
        if (user != null) {
            users.add(key(user));
        }
        snapshot = new Snapshot(snapshot.readAt(), Map.copyOf(locks), Set.copyOf(users));
    }

    private Snapshot current(Instant now) {
        Snapshot known = snapshot;
        if (now.isBefore(known.readAt().plus(refresh))) {
            return known;
        }
        synchronized (this) {
            if (now.isBefore(snapshot.readAt().plus(refresh))) {
                return snapshot;
            }
            Map<String, Instant> locks = new HashMap<>();
            Set<String> users = new HashSet<>();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select = connection.prepareStatement("""
                         SELECT kind, key, locked_until FROM login_failure
                         WHERE locked_until > ? OR (kind = 'USER' AND first_at > ?)""")) {
                Jdbc.setInstant(select, 1, now);
                Jdbc.setInstant(select, 2, now.minus(limits.window()));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Instant until = Jdbc.instant(row, "locked_until");
                        if (until != null && until.isAfter(now)) {
                            locks.put(row.getString("kind") + " " + row.getString("key"), until);
                        }
                        if (Kind.USER.name().equals(row.getString("kind"))) {
                            users.add(row.getString("key"));
                        }
                    }
                }
            } catch (SQLException e) {
                LOG.log(
                        Level.WARNING,
                        "Could not read the failed logins: logins are not throttled while the database fails",
                        e);
                snapshot = new Snapshot(now, known.locks(), known.usersWithFailures());
                return snapshot;
            }
            snapshot = new Snapshot(now, Map.copyOf(locks), Set.copyOf(users));
            return snapshot;
        }
    }

    private static Instant lock(Snapshot known, Kind kind, String value, Instant now) {
        if (value == null) {
            return null;
        }
        Instant until = known.locks().get(id(kind, key(value)));
        return until != null && until.isAfter(now) ? until : null;
    }

    private static String id(Kind kind, String key) {
        return kind.name() + " " + key;
    }

    static String key(String value) {
        return value.length() <= MAX_KEY ? value : value.substring(0, MAX_KEY);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
