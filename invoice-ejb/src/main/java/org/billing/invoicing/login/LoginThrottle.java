package org.billing.invoicing.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.billing.invoicing.database.Database;

/**
 * The backoff of failed logins for the web module's authentication (see {@link LoginFailures}): one per
 * node, its limits from {@link LoginLimits#configured()}, read at deploy.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoginThrottle {

    /** How stale this node's view of the lockouts other nodes made may be. */
    static final Duration REFRESH = Duration.ofSeconds(1);

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    private LoginFailures failures;

    @PostConstruct
    void start() {
        failures = new LoginFailures(dataSource, clock, LoginLimits.configured(), REFRESH);
    }

    /** Until when attempts of this user name (may be null) or from this address are refused, if locked. */
    public Optional<Instant> lockedUntil(String user, String address) {
        return failures.lockedUntil(user, address);
    }

    /** Records a failed attempt; answers the lockout when one was in force already (the attempt counts as refused). */
    public Optional<Instant> failed(String user, String address) {
        return failures.failed(user, address);
    }

    /** Forgets the user's failures after a successful login. */
    public void succeeded(String user) {
        failures.succeeded(user);
    }
}
