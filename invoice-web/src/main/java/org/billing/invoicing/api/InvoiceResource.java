package org.billing.invoicing.api;

import java.util.List;
import java.util.Optional;

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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.Gated;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.invoice.BulkApproval;
import org.billing.invoicing.invoice.CallExport;
import org.billing.invoicing.invoice.DetailTable;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.DriftView;
import org.billing.invoicing.invoice.InvoiceEventView;
import org.billing.invoicing.invoice.InvoiceFilter;
import org.billing.invoicing.invoice.InvoicePage;
import org.billing.invoicing.invoice.InvoiceService;
import org.billing.invoicing.invoice.InvoiceState;
import org.billing.invoicing.invoice.InvoiceType;
import org.billing.invoicing.invoice.InvoiceView;
import org.billing.invoicing.invoice.PrepayTable;
import org.billing.invoicing.platform.PaymentModel;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("invoices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invoices", description = "Calculate, create, find, issue, credit and delete invoices")
@Gated(Action.READ)
public class InvoiceResource {

    private static final int MAX_SEARCH_LENGTH = 100;

    @EJB
    private InvoiceService invoices;

    @EJB
    private BulkApproval approvals;

    @Context
    private UriInfo uriInfo;

    /** The invoice as it would be, with its detail tables; nothing is stored. */
    @Operation(
            summary = "Calculate an invoice without storing it",
            description = "The invoice as it would be, with its detail tables; nothing is stored.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.INVOICE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The calculated invoice")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "ACCOUNT_NOT_FOUND")
    @APIResponse(responseCode = "422", description = "PERIOD_INVERTED, PERIOD_IN_FUTURE, PERIOD_TOO_LONG")
    @POST
    @Gated(Action.CALCULATE)
    @Path("calculate")
    @Consumes(MediaType.APPLICATION_JSON)
    public InvoiceView calculate(JsonValue body) {
        return invoices.calculate(JsonBodies.invoiceRequest(body));
    }

    @Operation(
            summary = "Create a Pending invoice for an account and period",
            description = "A prepay account's invoice is issued (Closed) at once.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.INVOICE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location is the invoice")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "ACCOUNT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "PERIOD_OVERLAP")
    @APIResponse(responseCode = "422", description = "PERIOD_INVERTED, PERIOD_IN_FUTURE, PERIOD_TOO_LONG")
    @POST
    @Gated(Action.CREATE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonValue body) {
        InvoiceView created = invoices.create(JsonBodies.invoiceRequest(body));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(String.valueOf(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @Operation(
            summary = "Find invoices by account, contractor, direction, state, type, payment model, dates,"
                    + " search text and delivery problems, a page at a time",
            description = "Newest first. Every parameter is optional; those given"
                    + " must all match. `total` counts up to 10,000: when more match it is 10,000 and `totalIsExact` is false."
                    + " Walk the whole list with `cursor` (the `nextCursor` of the previous page) rather than `page`: it costs"
                    + " the same however deep and returns every invoice once while new ones are made.")
    @APIResponse(responseCode = "200", description = "A page of invoices")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @GET
    public InvoicePage search(
            @Parameter(in = ParameterIn.QUERY, description = "The account's invoices") @QueryParam("accountId")
                    String accountId,
            @Parameter(in = ParameterIn.QUERY, description = "The invoices of the contractor's accounts")
                    @QueryParam("contractorId")
                    String contractorId,
            @Parameter(
                            in = ParameterIn.QUERY,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"CUSTOMER", "VENDOR"}))
                    @QueryParam("direction")
                    String direction,
            @Parameter(
                            in = ParameterIn.QUERY,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"PENDING", "APPROVED", "CLOSED"}))
                    @QueryParam("state")
                    String state,
            @Parameter(
                            in = ParameterIn.QUERY,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"AUTO", "AUTO_PARTIAL", "MANUAL"}))
                    @QueryParam("type")
                    String type,
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "The account's payment model when the"
                                    + " invoice was made (seed 002: the list filtered by account type)",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"PREPAY", "POSTPAY"}))
                    @QueryParam("paymentModel")
                    String paymentModel,
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "The invoices whose period has a day"
                                    + " on or after this date (YYYY-MM-DD, the account's days)",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "The invoices whose period has a day" + " on or before this date",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("to")
                    String to,
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "Search: a part of the invoice number,"
                                    + " or of the account's or contractor's name, in any case (seed 003's search box)")
                    @QueryParam("q")
                    String q,
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "true: only the invoices whose document"
                                    + " failed to be made (still retried, or given up)",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("documentFailed")
                    String documentFailed,
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "true: only the invoices whose email"
                                    + " failed to reach a recipient (the latest message to that recipient failed)",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("emailFailed")
                    String emailFailed,
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "true: only the issued invoices whose"
                                    + " last drift check found a difference (calls, durations, amount or a detail row)"
                                    + " not yet settled; `total` with `size=1` counts them",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("drifted")
                    String drifted,
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "Keyset paging: the page after this"
                                    + " one, given as the previous page's nextCursor; not with page")
                    @QueryParam("cursor")
                    String cursor,
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "The page, from 0; at most 100,000"
                                    + " invoices deep (page x size), further with cursor",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
                    @QueryParam("page")
                    String page,
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "Invoices a page, 1 to 500",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
                    @QueryParam("size")
                    String size) {
        InvoiceFilter filter = new InvoiceFilter(
                Params.id(accountId, "accountId"),
                Params.id(contractorId, "contractorId"),
                Params.enumValue(Direction.class, direction, "direction"),
                Params.enumValue(InvoiceState.class, state, "state"),
                Params.enumValue(InvoiceType.class, type, "type"),
                Params.date(from, "from"),
                Params.date(to, "to"),
                Params.enumValue(PaymentModel.class, paymentModel, "paymentModel"),
                Params.text(q, "q", MAX_SEARCH_LENGTH),
                Params.flag(documentFailed, "documentFailed"),
                Params.flag(emailFailed, "emailFailed"),
                Params.bool(drifted, "drifted"));
        int pageSize = Params.integer(size, "size", 50);
        if (cursor != null && !cursor.isBlank()) {
            if (page != null && !page.isBlank()) {
                throw Params.invalid(
                        "page", "page and cursor exclude each other: a cursor says where the page starts.");
            }
            return invoices.searchAfter(filter, cursor.trim(), pageSize);
        }
        return invoices.search(filter, Params.integer(page, "page", 0), pageSize);
    }

    @Operation(summary = "One invoice with its totals")
    @APIResponse(responseCode = "200", description = "The invoice")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND")
    @GET
    @Path("{id}")
    public InvoiceView get(@PathParam("id") String id) {
        return invoices.get(invoiceId(id));
    }

    /**
     * One of the nine detail tables of seed 001 ({@code INV_ORIG_DST_TABLE}, ...), or one of the three
     * groups of a prepay invoice of seed 002 ({@code INV_CHARGES_TABLE}, ...), by its name.
     */
    @Operation(
            summary = "One detail table of an invoice, by name",
            description = "The nine tables of seed 001, and the charges, subscriptions and corrections of a prepay"
                    + " account's customer invoice (seed 002; empty for any other invoice).")
    @APIResponse(responseCode = "200", description = "The rows of the table")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND, TABLE_NOT_FOUND")
    @GET
    @Path("{id}/tables/{name}")
    public List<?> table(
            @PathParam("id") String id,
            @Parameter(
                            in = ParameterIn.PATH,
                            description = "The table's name",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "INV_ORIG_DST_TABLE", "INV_ORIG_DST_SUCC_TABLE",
                                                        "INV_ORIG_NETWORKS_TABLE",
                                                "INV_ORIG_NETWORKS_SUCC_TABLE", "INV_TERM_DST_TABLE",
                                                        "INV_TERM_DST_SUCC_TABLE",
                                                "INV_TERM_NETWORKS_TABLE", "INV_TERM_NETWORKS_SUCC_TABLE",
                                                        "INV_SRV_DATA_TABLE",
                                                "INV_CHARGES_TABLE", "INV_SUBSCRIPTIONS_TABLE", "INV_CORRECTIONS_TABLE"
                                            }))
                    @PathParam("name")
                    String name) {
        Optional<DetailTable> detail = DetailTable.named(name);
        if (detail.isPresent()) {
            return invoices.table(invoiceId(id), detail.get());
        }
        PrepayTable prepay = PrepayTable.named(name)
                .orElseThrow(() -> new InvoicingException(
                        ErrorCode.TABLE_NOT_FOUND,
                        "name",
                        "There is no table " + name + "; the tables are " + List.of(DetailTable.values()) + " and "
                                + List.of(PrepayTable.values()) + "."));
        return invoices.table(invoiceId(id), prepay);
    }

    /** Every call the invoice counts, one CSV line each, streamed from the database (issue 13). */
    @Operation(
            summary = "The invoice's calls as CSV",
            description = "Every CDR the invoice counts: the last attempts of the calls a Customer invoice's account"
                    + " originated, every attempt terminated to a Vendor invoice's account, in the invoice's period,"
                    + " ordered by time. Columns: cdr_id, time_start (YYYY-MM-DD HH:MM:SS in time_zone, the invoice's"
                    + " zone), time_zone, prefix, country, network, duration, billed_duration (seconds), rate, amount"
                    + " (the call's price on that side; negated in a credit note), success, reverse_billing. The"
                    + " lines are callsCount; their durations sum to callsDuration and billingDuration, their"
                    + " amounts to the side's spent + earned.")
    @APIResponse(
            responseCode = "200",
            description = "The CSV, as an attachment",
            content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND")
    @GET
    @Path("{id}/calls.csv")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response calls(@PathParam("id") String id) {
        return calls(id, false);
    }

    @Operation(
            summary = "The invoice's calls as gzipped CSV",
            description = "The same file as calls.csv, compressed with gzip.")
    @APIResponse(
            responseCode = "200",
            description = "The CSV compressed, as an attachment",
            content = @Content(mediaType = CallExport.GZIP_MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND")
    @GET
    @Path("{id}/calls.csv.gz")
    @Produces({CallExport.GZIP_MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response callsGzip(@PathParam("id") String id) {
        return calls(id, true);
    }

    /**
     * The invoice is looked up before the answer begins (an unknown one is a problem, not a file); the
     * calls are read while the body is written, on a connection held only for that.
     */
    private Response calls(String id, boolean gzip) {
        CallExport export = invoices.callExport(invoiceId(id));
        StreamingOutput body = out -> invoices.writeCalls(export, out, gzip);
        return Response.ok(body, export.mediaType(gzip))
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName(gzip) + "\"")
                .build();
    }

    /** Approves many Pending invoices, each on its own: a refusal is reported for its invoice, the others go on. */
    @Operation(
            summary = "Approve many Pending invoices, each on its own",
            description = "`{ids: [..]}`, at most 500. Each invoice is approved in a transaction of its own, in the"
                    + " order given (each once): one refused (already approved by someone else, deleted, its number"
                    + " taken) never stops or undoes the others. The answer lists every invoice: `{invoiceId,"
                    + " approved, number, code, reason}`, `code` and `reason` only when refused (`code` is an error"
                    + " code of the API, such as INVOICE_ALREADY_ISSUED or INVOICE_NOT_FOUND).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "200", description = "What became of each invoice")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @POST
    @Gated(Action.APPROVE)
    @Path("approvals")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<BulkApproval.Result> approveAll(JsonValue body) {
        return approvals.approveAll(JsonBodies.ids(body));
    }

    /** Issues a Pending invoice: it takes the next number of its series and never changes again. */
    @Operation(
            summary = "Issue a Pending invoice",
            description = "It takes the next number of its series and never changes again.")
    @APIResponse(responseCode = "200", description = "The issued invoice")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "INVOICE_NOT_PENDING, INVOICE_ALREADY_ISSUED")
    @POST
    @Gated(Action.APPROVE)
    @Path("{id}/approve")
    public InvoiceView approve(@PathParam("id") String id) {
        return invoices.approve(invoiceId(id));
    }

    /** Corrects an issued invoice with a credit note {@code {reason}} that reverses it whole. */
    @Operation(summary = "Correct an issued invoice with a credit note that reverses it whole")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.CREDIT_NOTE_REQUEST)))
    @APIResponse(responseCode = "201", description = "The credit note; Location is the note")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND")
    @APIResponse(
            responseCode = "409",
            description = "INVOICE_NOT_ISSUED, INVOICE_ALREADY_CREDITED, CREDIT_NOTE_NOT_CREDITABLE")
    @POST
    @Gated(Action.CREDIT)
    @Path("{id}/credit-note")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response credit(@PathParam("id") String id, JsonValue body) {
        String reason = JsonBodies.requiredString(JsonBodies.object(body, "{reason}"), "reason");
        InvoiceView note = invoices.credit(invoiceId(id), reason);
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("invoices")
                        .path(String.valueOf(note.id()))
                        .build())
                .entity(note)
                .build();
    }

    /** The last drift check of an issued invoice: its period then (as issued) and now (issue 13). */
    @Operation(
            summary = "The last drift check of an issued invoice",
            description = "What was issued for the invoice's period (the invoice plus its issued supplementary"
                    + " invoices that are not credited) and what the period gave when it was last checked: calls,"
                    + " durations and amount then and now, and how many detail rows differ. Reads the recorded check"
                    + " only (cheap); POST drift-check checks again.")
    @APIResponse(responseCode = "200", description = "The last check")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND, DRIFT_NOT_CHECKED")
    @GET
    @Path("{id}/drift")
    public DriftView drift(@PathParam("id") String id) {
        return invoices.drift(invoiceId(id));
    }

    /** Checks the drift of an issued invoice now and records it. */
    @Operation(
            summary = "Check the drift of an issued invoice now",
            description = "Recalculates the invoice's period as Calculate would, compares it with what was issued"
                    + " for it, records the check (replacing the last one) and answers it.")
    @APIResponse(responseCode = "200", description = "The check")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "INVOICE_NOT_ISSUED, INVOICE_NOT_SUPPLEMENTABLE")
    @POST
    @Gated(Action.SETTLE_DRIFT)
    @Path("{id}/drift-check")
    public DriftView checkDrift(@PathParam("id") String id) {
        return invoices.checkDrift(invoiceId(id));
    }

    /** Bills the drift of an issued invoice with a supplementary invoice for the difference only. */
    @Operation(
            summary = "Create the supplementary invoice of a drifted invoice",
            description = "A Pending invoice of kind SUPPLEMENTARY (closed and numbered at once for a prepay"
                    + " account) referencing the original (supplementedInvoiceId), whose figures and detail rows are"
                    + " the period now minus what was issued, only the rows that changed. The original is never"
                    + " touched. A decrease is refused: credit the original and create a corrected invoice.")
    @APIResponse(responseCode = "201", description = "The supplementary invoice; Location is it")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND")
    @APIResponse(
            responseCode = "409",
            description = "INVOICE_NOT_ISSUED, INVOICE_NOT_SUPPLEMENTABLE, NO_DRIFT,"
                    + " DRIFT_IS_DECREASE, SUPPLEMENTARY_PENDING")
    @POST
    @Gated(Action.SETTLE_DRIFT)
    @Path("{id}/supplementary")
    public Response supplement(@PathParam("id") String id) {
        InvoiceView supplementary = invoices.supplement(invoiceId(id));
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("invoices")
                        .path(String.valueOf(supplementary.id()))
                        .build())
                .entity(supplementary)
                .build();
    }

    /** Credits a drifted invoice (and its supplementary invoices) and creates the corrected invoice, at once. */
    @Operation(
            summary = "Credit an issued invoice and create its corrected invoice",
            description = "Settles a drift that is a decrease (or any drift) in one transaction: a credit note {reason}"
                    + " reverses the invoice and one reverses each of its issued supplementary invoices, which releases"
                    + " its period; the corrected invoice is created for the same period with the figures it gives now"
                    + " (Pending, or Closed for a prepay account).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.CREDIT_NOTE_REQUEST)))
    @APIResponse(responseCode = "201", description = "The corrected invoice; Location is it")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND")
    @APIResponse(
            responseCode = "409",
            description =
                    "INVOICE_NOT_ISSUED, INVOICE_NOT_SUPPLEMENTABLE, SUPPLEMENTARY_PENDING," + " INVOICE_NUMBER_TAKEN")
    @POST
    @Gated(Action.SETTLE_DRIFT)
    @Path("{id}/correction")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response correct(@PathParam("id") String id, JsonValue body) {
        String reason = JsonBodies.requiredString(JsonBodies.object(body, "{reason}"), "reason");
        InvoiceView corrected = invoices.correct(invoiceId(id), reason);
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("invoices")
                        .path(String.valueOf(corrected.id()))
                        .build())
                .entity(corrected)
                .build();
    }

    /** Who created, approved, credited, deleted or emailed the invoice, and when. */
    @Operation(summary = "Who created, approved, credited, deleted or emailed the invoice, and when")
    @APIResponse(responseCode = "200", description = "The events, oldest first")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND")
    @GET
    @Path("{id}/history")
    public List<InvoiceEventView> history(@PathParam("id") String id) {
        return invoices.history(invoiceId(id));
    }

    @Operation(summary = "Delete a Pending invoice")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "INVOICE_ALREADY_ISSUED")
    @DELETE
    @Gated(Action.DELETE)
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        invoices.delete(invoiceId(id));
        return Response.noContent().build();
    }

    private static long invoiceId(String id) {
        return Params.pathId(id, ErrorCode.INVOICE_NOT_FOUND, "invoice");
    }
}
