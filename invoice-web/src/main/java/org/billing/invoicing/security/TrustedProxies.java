package org.billing.invoicing.security;

import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;

import org.billing.invoicing.database.Settings;

/**
 * The proxies in front of the module that terminate TLS ({@code invoicing.http.trusted-proxies}: addresses
 * and CIDR blocks, e.g. {@code 10.0.0.0/8, ::1}; none by default). A request whose connection comes from
 * one of them is believed about its {@code X-Forwarded-Proto} (the scheme the browser used) and its
 * {@code X-Forwarded-For} (the client's address, for the login backoff); from anybody else both headers
 * are ignored, since any client can send them.
 */
public final class TrustedProxies {

    private static final Logger LOG = Logger.getLogger(TrustedProxies.class.getName());
    private static final String KEY = "invoicing.http.trusted-proxies";
    private static volatile TrustedProxies configured;
    private static volatile boolean containerWarned;

    private final List<Block> blocks;

    private record Block(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    TrustedProxies(List<String> entries) {
        List<Block> parsed = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.trim();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
            int bits = network == null ? -1 : network.length * 8;
            if (network != null && slash >= 0) {
                try {
                    bits = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
            }
            if (network == null || bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException(KEY + " holds '" + text + "': give IP addresses or CIDR blocks,"
                        + " e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8");
            }
            parsed.add(new Block(network, bits));
        }
        blocks = List.copyOf(parsed);
    }

    /** The configured proxies, read once. */
    public static TrustedProxies configured() {
        TrustedProxies proxies = configured;
        if (proxies == null) {
            proxies = new TrustedProxies(
                    Settings.value(KEY).map(v -> List.of(v.split(","))).orElse(List.of()));
            configured = proxies;
        }
        return proxies;
    }

    public boolean trusts(String address) {
        byte[] bytes = address == null ? null : literal(address.trim());
        return bytes != null && blocks.stream().anyMatch(block -> block.contains(bytes));
    }

    /** Whether a trusted proxy says the browser talks HTTPS to it. */
    public boolean forwardedHttps(HttpServletRequest request) {
        return forwardedHttps(request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"));
    }

    boolean forwardedHttps(String remote, String proto) {
        if (proto == null || !trusts(remote)) {
            return false;
        }
        int comma = proto.indexOf(',');
        return (comma < 0 ? proto : proto.substring(0, comma))
                .trim()
                .toLowerCase(Locale.ROOT)
                .equals("https");
    }

    /**
     * The client's address: the connection's, or behind trusted proxies the last address of
     * {@code X-Forwarded-For} that is not one of them (the addresses before it could be made up by the client).
     */
    public String clientAddress(HttpServletRequest request) {
        java.util.Enumeration<String> headers = request.getHeaders("X-Forwarded-For");
        return clientAddress(
                request.getRemoteAddr(), headers == null ? List.of() : java.util.Collections.list(headers));
    }

    String clientAddress(String remote, List<String> forwardedFor) {
        if (!trusts(remote)) {
            return remote;
        }
        List<String> forwarded = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                forwarded.add(hop.trim());
            }
        }
        for (int hop = forwarded.size() - 1; hop >= 0; hop--) {
            String address = forwarded.get(hop);
            if (literal(address) == null) {
                return remote; // not an address: nothing before it can be believed either
            }
            if (!trusts(address)) {
                return address;
            }
        }
        return remote;
    }

    /**
     * A path of this server as the browser must be sent to it: absolute on {@code https://} and the
     * request's {@code Host} when a trusted proxy terminates TLS (the server itself sees plain HTTP and
     * would make it {@code http://}), else as it is.
     */
    public String redirectTarget(HttpServletRequest request, String path) {
        String host = request.getHeader("Host");
        if (!forwardedHttps(request) || host == null || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            return path;
        }
        return "https://" + host + path;
    }

    /**
     * Makes the container take the request as secure, so that the session cookie it writes is
     * {@code Secure}. Payara (GlassFish's web container) decides that flag from its own request object, which
     * a servlet wrapper does not reach; its facade hands it out ({@code getUnwrappedCoyoteRequest}).
     * Answers false, and says so once in the log, on a container that does not.
     */
    static boolean markSecure(ServletRequest request) {
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        try {
            Method unwrap = inner.getClass().getMethod("getUnwrappedCoyoteRequest");
            Object container = unwrap.invoke(inner);
            container.getClass().getMethod("setSecure", boolean.class).invoke(container, true);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!containerWarned) {
                containerWarned = true;
                LOG.log(
                        Level.WARNING,
                        "Cannot mark a request forwarded over HTTPS as secure on this container: the"
                                + " session cookie will lack Secure; set it in the proxy instead",
                        e);
            }
            return false;
        }
    }

    /** The bytes of an IP literal, or null when the text is not one (never a DNS lookup). */
    private static byte[] literal(String text) {
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (address.isEmpty()
                || !address.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+")
                || !(address.contains(":") || address.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
