package org.billing.invoicing.web;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.billing.invoicing.security.InvoicingAuthentication;
import org.billing.invoicing.security.Lockout;
import org.billing.invoicing.security.TrustedProxies;

/** login.xhtml: checks the user name and password, then goes on to the page the user asked for. */
@Named
@RequestScoped
public class LoginForm {

    private static final String HOME = "/index.xhtml";

    @Inject
    private SecurityContext security;

    private String username;
    private String password;
    private String next;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .newAuthentication(true));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(TrustedProxies.configured()
                    .redirectTarget(
                            (HttpServletRequest) external.getRequest(), external.getRequestContextPath() + target()));
            faces.responseComplete();
        } else if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
        } else if (external.getRequestMap().get(InvoicingAuthentication.LOCKED_UNTIL) instanceof Lockout lockout) {
            Messages.error(
                    "login:password",
                    "Too many failed logins: this user name or this computer may try again" + " in "
                            + lockout.waitText() + ".");
        } else {
            Messages.error("login:password", "The user name or password is wrong.");
        }
    }

    /** Where to go after login: a path of this application only, never another site. */
    private String target() {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.contains("://")
                || next.startsWith("/login.xhtml")) {
            return HOME;
        }
        return next;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
