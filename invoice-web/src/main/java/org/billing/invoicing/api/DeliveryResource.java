package org.billing.invoicing.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.Gated;
import org.billing.invoicing.mail.InvoiceDeliveries;
import org.billing.invoicing.mail.MailOutbox;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The emails of an issued invoice: where each message is, and sending them again. The same root path
 * as {@link InvoiceResource}, whose sub-paths these extend (Jersey merges resources of one path).
 */
@Path("invoices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery", description = "E-mail delivery of issued invoices")
@Gated(Action.READ)
public class DeliveryResource {

    @EJB
    private MailOutbox outbox;

    /** Each message (recipient, status, attempts, last error, sent at) and the invoice's delivery status. */
    @GET
    @Path("{id}/deliveries")
    public InvoiceDeliveries deliveries(@PathParam("id") String id) {
        return outbox.deliveries(invoiceId(id));
    }

    /** Queues the messages again to the recipients configured now: 202, they leave after the answer. */
    @POST
    @Gated(Action.RESEND_EMAIL)
    @Path("{id}/resend")
    public Response resend(@PathParam("id") String id) {
        return Response.accepted(outbox.resend(invoiceId(id))).build();
    }

    private static long invoiceId(String id) {
        return Params.pathId(id, ErrorCode.INVOICE_NOT_FOUND, "invoice");
    }
}
