package org.billing.invoicing.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Cross-site request forgery check by the standard headers browsers send: a state-changing request
 * (anything but GET, HEAD, OPTIONS) is refused when it comes from another site, i.e. when
 * {@code Sec-Fetch-Site} says {@code cross-site}, or when its {@code Origin} is neither this server
 * (the {@code Host} it was sent to) nor one of {@code invoicing.security.allowed-origins}. Clients
 * that are not browsers send neither header and are not concerned.
 */
public final class Origins {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private Origins() {}

    /** True when the request must be refused. */
    public static boolean crossSite(String method, String origin, String fetchSite, String host) {
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return false;
        }
        if (fetchSite != null && fetchSite.equalsIgnoreCase("cross-site")) {
            return true;
        }
        if (origin == null) {
            return false;
        }
        if (origin.equals("null")) {
            return true;
        }
        String authority = authority(origin);
        if (authority != null && host != null && authority.equalsIgnoreCase(host.trim())) {
            return false;
        }
        return !allowed().contains(origin.toLowerCase(Locale.ROOT));
    }

    private static String authority(String origin) {
        try {
            return URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static List<String> allowed() {
        return ConfigProvider.getConfig()
                .getOptionalValues("invoicing.security.allowed-origins", String.class)
                .orElse(List.of())
                .stream()
                .map(o -> o.trim().toLowerCase(Locale.ROOT))
                .toList();
    }
}
