package org.billing.invoicing.api;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.Gated;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.generation.AutoInvoicingService;
import org.billing.invoicing.generation.AutoInvoicingSettings;
import org.billing.invoicing.generation.GenerationRun;
import org.billing.invoicing.generation.GenerationRuns;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.period.InvoicePeriod;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Automatic invoicing: each account's invoice period, and the runs that make the due invoices. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Automatic invoicing", description = "Automatic invoicing by account, and its runs")
@Gated(Action.READ)
public class GenerationResource {

    @EJB
    private AutoInvoicingService autoInvoicing;

    @EJB
    private GenerationRuns runs;

    @Context
    private UriInfo uriInfo;

    @GET
    @Path("accounts/{id}/auto-invoicing/{direction}")
    public AutoInvoicingSettings settings(@PathParam("id") String id, @PathParam("direction") String direction) {
        long accountId = accountId(id);
        Direction parsed = direction(direction);
        return autoInvoicing
                .settings(accountId, parsed)
                .orElseThrow(() -> new InvoicingException(
                        ErrorCode.NOT_FOUND,
                        "Account " + accountId + " is not invoiced automatically as " + parsed + "."));
    }

    /** {@code {invoicePeriod, generateFrom}}: invoices every period from the first whole one on or after that day. */
    @Operation(summary = "Invoice an account automatically in one direction")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.AUTO_INVOICING_REQUEST)))
    @APIResponse(responseCode = "200", description = "The settings")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "ACCOUNT_NOT_FOUND")
    @PUT
    @Gated(Action.MANAGE_AUTOMATIC_INVOICING)
    @Path("accounts/{id}/auto-invoicing/{direction}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AutoInvoicingSettings change(
            @PathParam("id") String id, @PathParam("direction") String direction, JsonValue body) {
        JsonObject json = JsonBodies.object(body, "{invoicePeriod, generateFrom}");
        InvoicePeriod period = Params.enumValue(
                InvoicePeriod.class, JsonBodies.requiredString(json, "invoicePeriod"), "invoicePeriod");
        return autoInvoicing.change(new AutoInvoicingSettings(
                accountId(id),
                direction(direction),
                period,
                Params.date(JsonBodies.requiredString(json, "generateFrom"), "generateFrom")));
    }

    @DELETE
    @Gated(Action.MANAGE_AUTOMATIC_INVOICING)
    @Path("accounts/{id}/auto-invoicing/{direction}")
    public Response stop(@PathParam("id") String id, @PathParam("direction") String direction) {
        autoInvoicing.stop(accountId(id), direction(direction));
        return Response.noContent().build();
    }

    /** Starts a run now (or answers the one already going). */
    @Operation(summary = "Start a run of automatic invoicing unless one is going")
    @APIResponse(responseCode = "202", description = "The run that is going; Location is the run")
    @POST
    @Gated(Action.MANAGE_AUTOMATIC_INVOICING)
    @Path("generation-runs")
    public Response start() {
        GenerationRun run = runs.start();
        return Response.accepted(run)
                .location(uriInfo.getBaseUriBuilder()
                        .path("generation-runs")
                        .path(String.valueOf(run.id()))
                        .build())
                .build();
    }

    @GET
    @Path("generation-runs")
    public List<GenerationRun> recent() {
        return runs.recent();
    }

    @GET
    @Path("generation-runs/{id}")
    public GenerationRun run(@PathParam("id") String id) {
        return runs.get(Params.pathId(id, ErrorCode.NOT_FOUND, "generation run"));
    }

    private static long accountId(String id) {
        return Params.pathId(id, ErrorCode.ACCOUNT_NOT_FOUND, "account");
    }

    private static Direction direction(String direction) {
        Direction parsed = Params.enumValue(Direction.class, direction, "direction");
        if (parsed == null) {
            throw Params.invalid("direction", "direction is CUSTOMER or VENDOR.");
        }
        return parsed;
    }
}
