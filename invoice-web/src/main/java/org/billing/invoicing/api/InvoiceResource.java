package org.billing.invoicing.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
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

import org.billing.invoicing.common.Roles;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("invoices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invoices", description = "Calculate, create, find, issue, credit and delete invoices")
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
public class InvoiceResource {

    @EJB
    private InvoiceService invoices;

    @Context
    private UriInfo uriInfo;

    /** The invoice as it would be, with its detail tables; nothing is stored. */
    @Operation(summary = "Calculate an invoice without storing it",
            description = "The invoice as it would be, with its detail tables; nothing is stored.")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiModel.INVOICE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The calculated invoice")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @APIResponse(responseCode = "404", description = "ACCOUNT_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @APIResponse(responseCode = "422", description = "PERIOD_INVERTED, PERIOD_IN_FUTURE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Path("calculate")
    @Consumes(MediaType.APPLICATION_JSON)
    public InvoiceView calculate(JsonValue body) {
        return invoices.calculate(JsonBodies.invoiceRequest(body));
    }

    @Operation(summary = "Create a Pending invoice for an account and period",
            description = "A prepay account's invoice is issued (Closed) at once.")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiModel.INVOICE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location is the invoice")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @APIResponse(responseCode = "404", description = "ACCOUNT_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @APIResponse(responseCode = "409", description = "PERIOD_OVERLAP",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @APIResponse(responseCode = "422", description = "PERIOD_INVERTED, PERIOD_IN_FUTURE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonValue body) {
        InvoiceView created = invoices.create(JsonBodies.invoiceRequest(body));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @Operation(summary = "Find invoices by account, contractor, direction, state, type and dates, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of invoices")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
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

    @Operation(summary = "One invoice with its totals")
    @APIResponse(responseCode = "200", description = "The invoice")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @GET
    @Path("{id}")
    public InvoiceView get(@PathParam("id") String id) {
        return invoices.get(invoiceId(id));
    }

    /** One of the nine detail tables of seed 001, by its name ({@code INV_ORIG_DST_TABLE}, ...). */
    @Operation(summary = "One detail table of an invoice, by name")
    @APIResponse(responseCode = "200", description = "The rows of the table")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND, TABLE_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @GET
    @Path("{id}/tables/{name}")
    public List<?> table(@PathParam("id") String id, @PathParam("name") String name) {
        DetailTable table = DetailTable.named(name).orElseThrow(() -> new InvoicingException(ErrorCode.TABLE_NOT_FOUND,
                "name", "There is no table " + name + "; the tables are " + List.of(DetailTable.values()) + "."));
        return invoices.table(invoiceId(id), table);
    }

    /** Issues a Pending invoice: it takes the next number of its series and never changes again. */
    @Operation(summary = "Issue a Pending invoice",
            description = "It takes the next number of its series and never changes again.")
    @APIResponse(responseCode = "200", description = "The issued invoice")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @APIResponse(responseCode = "409", description = "INVOICE_NOT_PENDING, INVOICE_ALREADY_ISSUED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Path("{id}/approve")
    public InvoiceView approve(@PathParam("id") String id) {
        return invoices.approve(invoiceId(id));
    }

    /** Corrects an issued invoice with a credit note {@code {reason}} that reverses it whole. */
    @Operation(summary = "Correct an issued invoice with a credit note that reverses it whole")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = OpenApiModel.CREDIT_NOTE_REQUEST)))
    @APIResponse(responseCode = "201", description = "The credit note; Location is the note")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @APIResponse(responseCode = "409", description = "INVOICE_NOT_ISSUED, INVOICE_ALREADY_CREDITED, CREDIT_NOTE_NOT_CREDITABLE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Path("{id}/credit-note")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response credit(@PathParam("id") String id, JsonValue body) {
        String reason = JsonBodies.requiredString(JsonBodies.object(body, "{reason}"), "reason");
        InvoiceView note = invoices.credit(invoiceId(id), reason);
        return Response.created(uriInfo.getBaseUriBuilder().path("invoices").path(String.valueOf(note.id())).build())
                .entity(note).build();
    }

    /** Who created, approved, credited, deleted or emailed the invoice, and when. */
    @Operation(summary = "Who created, approved, credited, deleted or emailed the invoice, and when")
    @APIResponse(responseCode = "200", description = "The events, oldest first")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @GET
    @Path("{id}/history")
    public List<InvoiceEventView> history(@PathParam("id") String id) {
        return invoices.history(invoiceId(id));
    }

    @Operation(summary = "Delete a Pending invoice")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @APIResponse(responseCode = "409", description = "INVOICE_ALREADY_ISSUED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = OpenApiModel.PROBLEM)))
    @DELETE
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
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
