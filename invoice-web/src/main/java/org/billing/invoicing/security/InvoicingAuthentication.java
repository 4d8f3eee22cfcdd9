package org.billing.invoicing.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import fish.payara.security.annotations.RealmIdentityStoreDefinition;
import org.billing.invoicing.common.Roles;
import org.billing.invoicing.login.LoginThrottle;

/**
 * How callers prove who they are. The REST API ({@code /api/*}) takes HTTP Basic on every request and
 * keeps no session; the screens use a login form ({@code /login.xhtml}) and remember the caller in the
 * HTTP session until logout. Both check the credentials against the identity stores: the server's
 * default security realm {@code file} (its users and groups are managed with {@code asadmin
 * create-file-user}), and the users from configuration ({@link ConfiguredUsers}), the demo store of the
 * standalone run.
 *
 * <p>A REST request with no or wrong credentials goes on anonymously and is answered 401 with a
 * problem body by the API's role check, which knows the endpoint; {@link #FAILED} tells it which.
 *
 * <p>Failed logins are throttled per user name and per client address ({@link LoginThrottle}): while
 * either is locked out, an attempt is refused before its password is checked, and {@link #LOCKED_UNTIL}
 * tells the API (429) and the login page when to try again.
 */
@ApplicationScoped
@RealmIdentityStoreDefinition("file")
public class InvoicingAuthentication implements HttpAuthenticationMechanism {

    /** Request attribute set when the credentials given were wrong (rather than missing). */
    public static final String FAILED = "org.billing.invoicing.security.failed";
    /** Request attribute, a {@link Lockout}: the attempt was refused, its user name or address locked out. */
    public static final String LOCKED_UNTIL = "org.billing.invoicing.security.locked-until";

    public static final String LOGIN_PAGE = "/login.xhtml";

    private static final String API = "/api/";

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private LoginThrottle throttle;

    @Inject
    private Clock clock;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (path(request).startsWith(API)) {
            return basic(request, context);
        }
        if (context.isAuthenticationRequest()) {
            return formLogin(request, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(Caller.SESSION_ATTRIBUTE) instanceof Caller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.roles());
        }
        if (context.isProtected()) {
            return toLoginPage(request, response, context);
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(Caller.SESSION_ATTRIBUTE);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.doNothing();
        }
        UsernamePasswordCredential credential = decode(header.substring(6).trim());
        CredentialValidationResult result = check(request, credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            request.setAttribute(FAILED, Boolean.TRUE);
            return context.doNothing();
        }
        return context.notifyContainerAboutLogin(
                result.getCallerPrincipal().getName(), Roles.withImplied(result.getCallerGroups()));
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context) {
        Credential given = context.getAuthParameters().getCredential();
        CredentialValidationResult result =
                check(request, given instanceof UsernamePasswordCredential credential ? credential : null);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        Caller caller = new Caller(result.getCallerPrincipal().getName(), Roles.withImplied(result.getCallerGroups()));
        request.getSession(true);
        request.changeSessionId(); // no session fixation: the id known before login is worthless after it
        request.getSession().setAttribute(Caller.SESSION_ATTRIBUTE, caller);
        return context.notifyContainerAboutLogin(caller.name(), caller.roles());
    }

    /**
     * The identity stores' answer, unless the user name or the address is locked out: then INVALID at once,
     * without a password check, and {@link #LOCKED_UNTIL} set. A failure is counted, a success clears the
     * user's failures.
     */
    private CredentialValidationResult check(HttpServletRequest request, UsernamePasswordCredential credential) {
        String user = credential == null ? null : credential.getCaller();
        String address = ClientAddress.of(request);
        Optional<Instant> locked = throttle.lockedUntil(user, address);
        if (locked.isPresent()) {
            request.setAttribute(LOCKED_UNTIL, Lockout.until(locked.get(), clock));
            return CredentialValidationResult.INVALID_RESULT;
        }
        CredentialValidationResult result =
                credential == null ? CredentialValidationResult.INVALID_RESULT : identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(user);
        } else {
            throttle.failed(user, address)
                    .ifPresent(until -> request.setAttribute(LOCKED_UNTIL, Lockout.until(until, clock)));
        }
        return result;
    }

    /** Sends the browser to the login page, then back where it was going (GET only). */
    private AuthenticationStatus toLoginPage(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String login = request.getContextPath() + LOGIN_PAGE;
        if ("GET".equals(request.getMethod())) {
            String target = path(request) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            if (!"/".equals(target)) {
                login += "?next=" + java.net.URLEncoder.encode(target, StandardCharsets.UTF_8);
            }
        }
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // An Ajax post after the session expired: Faces follows a redirect given in its own format.
            try {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter()
                        .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                                + login.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
                return AuthenticationStatus.SEND_CONTINUE;
            } catch (IOException e) {
                return AuthenticationStatus.SEND_FAILURE;
            }
        }
        return context.redirect(TrustedProxies.configured().redirectTarget(request, login));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static UsernamePasswordCredential decode(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0
                    ? null
                    : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
