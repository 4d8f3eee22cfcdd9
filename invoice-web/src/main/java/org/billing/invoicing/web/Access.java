package org.billing.invoicing.web;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.Gate;
import org.billing.invoicing.common.Roles;
import org.billing.invoicing.security.TrustedProxies;

/**
 * What the logged-in user may do, asked of the {@link Gate}: for the pages ({@code #{access.may('APPROVE')}}
 * hides what an operator does from a viewer) and for the actions, which refuse a role too low even when
 * the action is posted by hand ({@link #permits}).
 */
@Named
@RequestScoped
public class Access {

    public String getUser() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    /** The highest of the module's roles the user holds, in words. */
    public String getRole() {
        return isAdmin() ? "administrator" : isOperator() ? "operator" : "viewer";
    }

    /**
     * Whether the {@link Gate} lets the user do the action named (an {@link Action} constant): what the
     * pages show, {@code #{access.may('APPROVE')}}, is decided where the actions are refused.
     */
    public boolean may(String action) {
        return Gate.permits(Access::holds, Action.valueOf(action));
    }

    private static boolean isOperator() {
        return holds(Roles.OPERATOR);
    }

    private static boolean isAdmin() {
        return holds(Roles.ADMIN);
    }

    /** Ends the session and shows the login page. */
    public void logout() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            ((HttpServletRequest) external.getRequest()).logout();
        } catch (ServletException e) {
            throw new IOException("Logout failed", e);
        }
        external.invalidateSession();
        external.redirect(TrustedProxies.configured()
                .redirectTarget(
                        (HttpServletRequest) external.getRequest(),
                        external.getRequestContextPath() + "/login.xhtml?loggedOut=true"));
        FacesContext.getCurrentInstance().responseComplete();
    }

    /**
     * Whether the {@link Gate} lets the user do {@code action}; if not, says on the page that their role
     * does not allow {@code what} ("approve invoices").
     */
    static boolean permits(Action action, String what) {
        if (Gate.permits(Access::holds, action)) {
            return true;
        }
        Messages.error(null, "Your role does not allow you to " + what + ".");
        return false;
    }

    /** The login gives each user the roles their role implies (an administrator also operates). */
    private static boolean holds(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }
}
