package org.billing.invoicing.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The usual security headers on every answer, and the cross-site check of the screens' posts (the REST
 * API makes the same check itself, to answer with a problem body). Behind a trusted proxy that says the
 * browser used HTTPS ({@link TrustedProxies}), the request is taken as secure: {@code Secure} session
 * cookie, {@code Strict-Transport-Security}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ResponseHeaders extends HttpFilter {

    /**
     * PrimeFaces writes inline scripts and styles; everything else comes from this server, nothing may
     * frame the pages, and forms post back here only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The template files of the screens (web.TemplateFiles), served as they are. */
    private static final String FILES = "/template-files/";

    @Override
    protected void doFilter(HttpServletRequest given, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = given;
        if (TrustedProxies.configured().forwardedHttps(given)) {
            // Behind a proxy that terminates TLS: the session cookie the container writes gets Secure, and the
            // pages see the scheme the browser used.
            TrustedProxies.markSecure(given);
            request = new HttpServletRequestWrapper(given) {
                @Override
                public boolean isSecure() {
                    return true;
                }

                @Override
                public String getScheme() {
                    return "https";
                }
            };
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(FILES)) {
            // Not on the files the screens open (a template's PDF preview): the browser's own PDF viewer
            // is an embedded object, which the policy's object-src 'none' would block.
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        if (!path.startsWith("/jakarta.faces.resource/")) {
            // Invoices are confidential: no shared or browser cache keeps a copy.
            response.setHeader("Cache-Control", "no-store");
        }
        if (!path.startsWith("/api/")
                && Origins.crossSite(
                        request.getMethod(),
                        request.getHeader("Origin"),
                        request.getHeader("Sec-Fetch-Site"),
                        request.getHeader("Host"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
