package org.billing.invoicing.api;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.invoice.DetailTable;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceEventView;
import org.billing.invoicing.invoice.InvoiceFilter;
import org.billing.invoicing.invoice.InvoicePage;
import org.billing.invoicing.invoice.InvoiceService;
import org.billing.invoicing.invoice.InvoiceState;
import org.billing.invoicing.invoice.InvoiceType;
import org.billing.invoicing.invoice.InvoiceView;

@Path("invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    @EJB
    private InvoiceService invoices;

    @Context
    private UriInfo uriInfo;

    /** The invoice as it would be, with its detail tables; nothing is stored. */
    @POST
    @Path("calculate")
    @Consumes(MediaType.APPLICATION_JSON)
    public InvoiceView calculate(JsonValue body) {
        return invoices.calculate(JsonBodies.invoiceRequest(body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonValue body) {
        InvoiceView created = invoices.create(JsonBodies.invoiceRequest(body));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    public InvoicePage search(@QueryParam("accountId") String accountId,
                              @QueryParam("contractorId") String contractorId,
                              @QueryParam("direction") String direction,
                              @QueryParam("state") String state,
                              @QueryParam("type") String type,
                              @QueryParam("from") String from,
                              @QueryParam("to") String to,
                              @QueryParam("page") String page,
                              @QueryParam("size") String size) {
        InvoiceFilter filter = new InvoiceFilter(Params.id(accountId, "accountId"),
                Params.id(contractorId, "contractorId"), Params.enumValue(Direction.class, direction, "direction"),
                Params.enumValue(InvoiceState.class, state, "state"), Params.enumValue(InvoiceType.class, type, "type"),
                Params.date(from, "from"), Params.date(to, "to"));
        return invoices.search(filter, Params.integer(page, "page", 0), Params.integer(size, "size", 50));
    }

    @GET
    @Path("{id}")
    public InvoiceView get(@PathParam("id") String id) {
        return invoices.get(invoiceId(id));
    }

    /** One of the nine detail tables of seed 001, by its name ({@code INV_ORIG_DST_TABLE}, ...). */
    @GET
    @Path("{id}/tables/{name}")
    public List<?> table(@PathParam("id") String id, @PathParam("name") String name) {
        DetailTable table = DetailTable.named(name).orElseThrow(() -> new InvoicingException(ErrorCode.TABLE_NOT_FOUND,
                "name", "There is no table " + name + "; the tables are " + List.of(DetailTable.values()) + "."));
        return invoices.table(invoiceId(id), table);
    }

    /** Issues a Pending invoice: it takes the next number of its series and never changes again. */
    @POST
    @Path("{id}/approve")
    public InvoiceView approve(@PathParam("id") String id) {
        return invoices.approve(invoiceId(id));
    }

    /** Corrects an issued invoice with a credit note {@code {reason}} that reverses it whole. */
    @POST
    @Path("{id}/credit-note")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response credit(@PathParam("id") String id, JsonValue body) {
        String reason = JsonBodies.requiredString(JsonBodies.object(body, "{reason}"), "reason");
        InvoiceView note = invoices.credit(invoiceId(id), reason);
        return Response.created(uriInfo.getBaseUriBuilder().path("invoices").path(String.valueOf(note.id())).build())
                .entity(note).build();
    }

    /** Who created, approved, credited, deleted or emailed the invoice, and when. */
    @GET
    @Path("{id}/history")
    public List<InvoiceEventView> history(@PathParam("id") String id) {
        return invoices.history(invoiceId(id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        invoices.delete(invoiceId(id));
        return Response.noContent().build();
    }

    private static long invoiceId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvoicingException(ErrorCode.INVOICE_NOT_FOUND, "id", "There is no invoice " + id + ".");
        }
    }
}
