package org.billing.invoicing.web;

import org.billing.invoicing.common.InvoicingException;

/**
 * Finds the business refusal in what a service call threw. In the Payara Micro WAR the services live in
 * a WEB-INF/lib jar whose META-INF/ejb-jar.xml is not read, so {@link InvoicingException} is not an
 * application exception there and arrives wrapped in an EJBException (rolled back all the same); in the
 * EAR it arrives as it is. The REST API unwraps it the same way.
 */
final class Refusals {

    private Refusals() {}

    /** The InvoicingException that caused {@code e}; rethrows {@code e} when it is something else. */
    static InvoicingException refusal(RuntimeException e) {
        return InvoicingException.causing(e).orElseThrow(() -> e);
    }
}
