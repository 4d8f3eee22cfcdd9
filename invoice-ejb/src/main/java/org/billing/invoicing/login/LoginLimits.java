package org.billing.invoicing.login;

import java.time.Duration;

import org.billing.invoicing.database.Settings;

/**
 * How many failed logins are tolerated: {@code perUser} failures of one user name, or {@code perAddress}
 * failures from one client address, within {@code window} of the first; the next attempts are then
 * refused for {@code window} without a password check.
 */
public record LoginLimits(int perUser, int perAddress, Duration window) {

    public static final int DEFAULT_PER_USER = 5;
    public static final int DEFAULT_PER_ADDRESS = 20;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    public LoginLimits {
        if (perUser < 1 || perAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "login limits must be positive: " + perUser + ", " + perAddress + ", " + window);
        }
    }

    /**
     * {@code invoicing.security.login-failures}, {@code invoicing.security.login-address-failures},
     * {@code invoicing.security.login-window}; a malformed value fails the deployment, naming the key.
     */
    public static LoginLimits configured() {
        return new LoginLimits(
                count("invoicing.security.login-failures", DEFAULT_PER_USER),
                count("invoicing.security.login-address-failures", DEFAULT_PER_ADDRESS),
                Settings.value("invoicing.security.login-window")
                        .map(text -> Settings.duration(text)
                                .filter(d -> !d.isZero() && !d.isNegative())
                                .orElseThrow(() -> new IllegalArgumentException("invoicing.security.login-window is '"
                                        + text + "': it " + Settings.DURATION_RULE)))
                        .orElse(DEFAULT_WINDOW));
    }

    private static int count(String key, int fallback) {
        String configured = Settings.value(key).orElse(null);
        if (configured == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(configured);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(key + " is '" + configured + "': it must be a whole number of at least 1");
    }
}
