package org.billing.invoicing.security;

import jakarta.servlet.http.HttpServletRequest;

/** The address a request comes from, as the login backoff counts it (the client's, behind a trusted proxy). */
final class ClientAddress {

    private ClientAddress() {}

    static String of(HttpServletRequest request) {
        return TrustedProxies.configured().clientAddress(request);
    }
}
