package org.billing.invoicing.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.Gated;
import org.billing.invoicing.dashboard.DashboardService;
import org.billing.invoicing.dashboard.MonthAtAGlance;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The month at a glance: the landing page's figures, for integrations too. */
@Path("dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard", description = "The last twelve months' issued amounts and calls, and what waits for someone")
@Gated(Action.READ)
public class DashboardResource {

    @EJB
    private DashboardService dashboard;

    @Operation(
            summary = "The month at a glance",
            description =
                    "The twelve months up to the current month of the issuer's zone, oldest first (`months`);"
                            + " per month of the invoices' first days, `invoiced`: the issued amounts (Approved and Closed"
                            + " invoices, and credit notes, negative) per direction and currency, unrounded and never summed"
                            + " across currencies; `traffic`: the calls and billed seconds of the issued invoices per direction"
                            + " (credited invoices left out). Then the counts that open filtered lists: `pendingInvoices`"
                            + " (`GET /invoices?state=PENDING`), `failedDocuments` (`?documentFailed=true`), `failedEmails`"
                            + " (`?emailFailed=true`), `failingAutomaticInvoicing` (accounts per direction invoiced"
                            + " automatically with a failed period waiting) and `driftedInvoices` (`?drifted=true`: the issued invoices whose last drift check found a difference).")
    @APIResponse(responseCode = "200", description = "The figures")
    @GET
    public MonthAtAGlance monthAtAGlance() {
        return dashboard.monthAtAGlance();
    }
}
