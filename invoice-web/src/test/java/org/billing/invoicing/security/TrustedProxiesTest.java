package org.billing.invoicing.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", " 192.168.1.7", "fd00::/8"));

    @Test
    void addressesAndBlocks() {
        assertTrue(proxies.trusts("10.200.3.4"));
        assertTrue(proxies.trusts("192.168.1.7"));
        assertFalse(proxies.trusts("192.168.1.8"));
        assertTrue(proxies.trusts("fd12::1"));
        assertFalse(proxies.trusts("fe80::1"));
        assertFalse(proxies.trusts("11.0.0.1"));
        assertFalse(proxies.trusts("proxy.example"), "names are never looked up");
        assertFalse(new TrustedProxies(List.of()).trusts("127.0.0.1"), "nobody by default");
    }

    @Test
    void theForwardedSchemeIsBelievedFromATrustedProxyOnly() {
        assertTrue(proxies.forwardedHttps("10.0.0.1", "https"));
        assertTrue(proxies.forwardedHttps("10.0.0.1", "HTTPS, http"));
        assertFalse(proxies.forwardedHttps("10.0.0.1", "http"));
        assertFalse(proxies.forwardedHttps("10.0.0.1", null));
        assertFalse(proxies.forwardedHttps("203.0.113.5", "https"));
    }

    @Test
    void theClientIsTheLastAddressNotAProxy() {
        assertEquals("203.0.113.5", proxies.clientAddress("10.0.0.1", List.of("198.51.100.1, 203.0.113.5, 10.0.0.9")));
        assertEquals(
                "203.0.113.5", proxies.clientAddress("203.0.113.5", List.of("198.51.100.1")), "made up by the client");
        assertEquals("10.0.0.1", proxies.clientAddress("10.0.0.1", List.of()));
        assertEquals("10.0.0.1", proxies.clientAddress("10.0.0.1", List.of("not-an-address")));
    }

    @Test
    void aMalformedEntryIsRefusedNamingTheSetting() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("10.0.0.0/33")));
        assertTrue(refused.getMessage().contains("invoicing.http.trusted-proxies"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("proxy.example")));
    }
}
