package org.billing.invoicing.api;

import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.Gate;
import org.billing.invoicing.common.Gated;
import org.billing.invoicing.security.InvoicingAuthentication;
import org.billing.invoicing.security.Lockout;
import org.billing.invoicing.security.Origins;

/**
 * Who may call what: every resource method answers only callers the {@link Gate} lets do its
 * {@link Gated} action (the method's, else its class's); a method with none answers nobody. A
 * {@link RolesAllowed} is still understood (the method's before the class's action), so a resource
 * written with one keeps its meaning, but the module's resources name their action. No
 * credentials, or wrong ones: 401 {@code AUTHENTICATION_REQUIRED} with the Basic challenge; a role too
 * low: 403 {@code ACCESS_DENIED}; credentials of a user or from an address locked out after too many
 * failed logins: 429 {@code TOO_MANY_LOGIN_FAILURES} with {@code Retry-After}; a state-changing request from another site: 403 {@code CROSS_SITE_REQUEST}.
 */
@Provider
public class Authorization implements DynamicFeature {

    static final int PRIORITY = Priorities.AUTHORIZATION - 100;
    static final String CHALLENGE = "Basic realm=\"invoicing\", charset=\"UTF-8\"";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        // Before Jersey's own @RolesAllowed filter, which the server may add, and which answers 403 to all.
        context.register(new RoleCheck(allowedRoles(resource)), PRIORITY);
    }

    /** The roles that may call the method: those of its action, or of the roles it allows by name. */
    static Set<String> allowedRoles(ResourceInfo resource) {
        Gated gated = resource.getResourceMethod().getAnnotation(Gated.class);
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (gated == null && allowed == null) {
            gated = resource.getResourceClass().getAnnotation(Gated.class);
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (gated != null) {
            return Gate.allowedRoles(gated.value());
        }
        return allowed == null ? Set.of() : Set.of(allowed.value());
    }

    static final class RoleCheck implements ContainerRequestFilter {

        private final Set<String> roles;

        RoleCheck(Set<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            if (security.getUserPrincipal() == null
                    && request.getProperty(InvoicingAuthentication.LOCKED_UNTIL) instanceof Lockout lockout) {
                request.abortWith(Response.fromResponse(Problem.response(
                                ErrorCode.TOO_MANY_LOGIN_FAILURES,
                                null,
                                "Too many failed logins of this user or from this address: try again in "
                                        + lockout.waitText() + "."))
                        .header(HttpHeaders.RETRY_AFTER, lockout.retryAfterSeconds())
                        .build());
                return;
            }
            if (security.getUserPrincipal() == null) {
                boolean wrong = Boolean.TRUE.equals(request.getProperty(InvoicingAuthentication.FAILED));
                request.abortWith(Response.fromResponse(Problem.response(
                                ErrorCode.AUTHENTICATION_REQUIRED,
                                null,
                                wrong
                                        ? "The user name or password is wrong."
                                        : "Log in with HTTP Basic authentication."))
                        .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                        .build());
                return;
            }
            if (roles.stream().noneMatch(security::isUserInRole)) {
                request.abortWith(Problem.response(
                        ErrorCode.ACCESS_DENIED,
                        null,
                        "Your role does not allow this; it needs "
                                + String.join(" or ", roles.stream().sorted().toList()) + "."));
                return;
            }
            if (Origins.crossSite(
                    request.getMethod(),
                    request.getHeaderString("Origin"),
                    request.getHeaderString("Sec-Fetch-Site"),
                    request.getHeaderString(HttpHeaders.HOST))) {
                request.abortWith(Problem.response(
                        ErrorCode.CROSS_SITE_REQUEST, null, "A state-changing request from another site is refused."));
            }
        }
    }
}
