package org.billing.invoicing.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Adds Faces messages: to an input by its client id, or to the page as a whole with a null id. */
final class Messages {

    private Messages() {}

    static void error(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text);
    }

    static void info(String text) {
        add(null, FacesMessage.SEVERITY_INFO, text);
    }

    /** A message that survives the redirect after a successful action (Post-Redirect-Get). */
    static void infoAfterRedirect(String text) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().getFlash().setKeepMessages(true);
        info(text);
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
