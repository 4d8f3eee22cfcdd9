package org.billing.invoicing.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL, each with its own {@link LoginFailures}: failures counted on either add
 * up, a lockout made on one is enforced by the other, and it ends by itself or with a successful login
 * of the user once it is over.
 */
class LoginFailuresTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration REFRESH = Duration.ofSeconds(1);
    private static final LoginLimits LIMITS = new LoginLimits(5, 20, WINDOW);

    private static PostgresDatabase database;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    private LoginFailures nodeA;
    private LoginFailures nodeB;

    @BeforeAll
    static void start() {
        database = PostgresDatabase.startMigrated();
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @BeforeEach
    void twoNodes() throws Exception {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM login_failure");
        }
        nodeA = new LoginFailures(database.dataSource(), clock, LIMITS, REFRESH);
        nodeB = new LoginFailures(database.dataSource(), clock, LIMITS, REFRESH);
    }

    @Test
    void failuresOnBothNodesAddUpAndTheLockoutHoldsOnEither() {
        for (int attempt = 0; attempt < 5; attempt++) {
            LoginFailures node = attempt % 2 == 0 ? nodeA : nodeB;
            assertEquals(Optional.empty(), node.lockedUntil("alice", "10.0.0.1"), "attempt " + attempt);
            assertEquals(Optional.empty(), node.failed("alice", "10.0.0.1"), "attempt " + attempt);
        }
        Instant until = clock.instant().plus(WINDOW);
        // The node that counted the fifth failure knows at once; the other within the refresh.
        assertEquals(Optional.of(until), nodeA.lockedUntil("alice", "10.0.0.2"));
        clock.advance(REFRESH);
        assertEquals(Optional.of(until), nodeB.lockedUntil("alice", "10.0.0.3"));
        assertEquals(Optional.empty(), nodeB.lockedUntil("bob", "10.0.0.1"), "the address is under its own limit");

        // A wrong password sent to a node that has not read the lockout yet is refused as locked, not counted.
        LoginFailures nodeC = new LoginFailures(database.dataSource(), clock, LIMITS, Duration.ofDays(1));
        nodeC.lockedUntil("warm", "up"); // read before the lockout: it will not read again for a day
        assertEquals(Optional.of(until), nodeC.failed("alice", "10.0.0.4"));
        assertEquals(5, failures("USER", "alice"));

        clock.advance(WINDOW);
        assertEquals(Optional.empty(), nodeA.lockedUntil("alice", "10.0.0.1"), "the lockout ends by itself");
        assertEquals(Optional.empty(), nodeA.failed("alice", "10.0.0.1"));
        assertEquals(1, failures("USER", "alice"), "a new window starts");
    }

    @Test
    void aSuccessfulLoginClearsTheUsersFailuresButNotTheAddresss() {
        for (int attempt = 0; attempt < 4; attempt++) {
            nodeA.failed("alice", "10.0.0.1");
        }
        nodeA.succeeded("alice");
        assertEquals(0, failures("USER", "alice"));
        assertEquals(4, failures("ADDRESS", "10.0.0.1"));
        for (int attempt = 0; attempt < 4; attempt++) {
            assertEquals(Optional.empty(), nodeA.failed("alice", "10.0.0.1"));
        }
        assertEquals(Optional.empty(), nodeA.lockedUntil("alice", "10.0.0.1"), "four failures since the login");
    }

    @Test
    void manyUserNamesFromOneAddressLockTheAddress() {
        for (int user = 0; user < 20; user++) {
            nodeA.failed("guess" + user, "203.0.113.9");
        }
        assertTrue(nodeA.lockedUntil("someone-else", "203.0.113.9").isPresent());
        assertTrue(nodeA.lockedUntil("someone-else", "203.0.113.10").isEmpty());
    }

    @Test
    void staleRowsAreForgottenByTheNextFailure() {
        nodeA.failed("old", "10.0.0.1");
        clock.advance(WINDOW.plusSeconds(1));
        nodeA.failed("new", "10.0.0.2");
        assertEquals(0, failures("USER", "old"));
        assertEquals(0, failures("ADDRESS", "10.0.0.1"));
        assertEquals(1, failures("USER", "new"));
    }

    private static int failures(String kind, String key) {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery("SELECT coalesce(sum(failures), 0) FROM login_failure WHERE kind = '"
                                + kind + "' AND key = '" + key + "'")) {
            row.next();
            return row.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
