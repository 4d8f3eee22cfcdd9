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
import org.billing.invoicing.numbering.NumberingService;
import org.billing.invoicing.numbering.SeriesDefinition;
import org.billing.invoicing.numbering.SeriesView;
import org.billing.invoicing.settings.InvoiceSettingsService;
import org.billing.invoicing.settings.NumberingDefaults;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Numbering series (seed 003) and the defaults that choose among them. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Numbering", description = "Numbering series and the default series")
@Gated(Action.READ)
public class NumberingResource {

    private static final String SERIES_SHAPE = "{name, pattern, startNumber, yearlyRestart, padding}";

    @EJB
    private NumberingService numbering;

    @EJB
    private InvoiceSettingsService settings;

    @Context
    private UriInfo uriInfo;

    @GET
    @Path("numbering-series")
    public List<SeriesView> list() {
        return numbering.list();
    }

    @GET
    @Path("numbering-series/{id}")
    public SeriesView get(@PathParam("id") String id) {
        return numbering.get(seriesId(id));
    }

    /** The number the series would issue next, without taking it. */
    @GET
    @Path("numbering-series/{id}/next-number")
    public JsonObject nextNumber(@PathParam("id") String id) {
        return jakarta.json.Json.createObjectBuilder()
                .add("nextNumber", numbering.preview(seriesId(id)))
                .build();
    }

    @Operation(summary = "Create a numbering series")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.SERIES_DEFINITION)))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, SERIES_INVALID_PATTERN")
    @APIResponse(responseCode = "409", description = "SERIES_NAME_TAKEN")
    @POST
    @Gated(Action.MANAGE_NUMBERING)
    @Path("numbering-series")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonValue body) {
        SeriesView created = numbering.create(definition(body));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(String.valueOf(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @Operation(summary = "Revise a series; issued numbers never change")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.SERIES_DEFINITION)))
    @APIResponse(responseCode = "200", description = "The revised series")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, SERIES_INVALID_PATTERN")
    @APIResponse(responseCode = "404", description = "SERIES_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "SERIES_NAME_TAKEN")
    @PUT
    @Gated(Action.MANAGE_NUMBERING)
    @Path("numbering-series/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SeriesView revise(@PathParam("id") String id, JsonValue body) {
        return numbering.revise(seriesId(id), definition(body));
    }

    @Operation(summary = "Delete a series that numbers nothing")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "SERIES_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "SERIES_IN_USE")
    @DELETE
    @Gated(Action.MANAGE_NUMBERING)
    @Path("numbering-series/{id}")
    public Response delete(@PathParam("id") String id) {
        numbering.delete(seriesId(id));
        return Response.noContent().build();
    }

    @GET
    @Path("settings/numbering")
    public NumberingDefaults defaults() {
        return settings.numberingDefaults();
    }

    @Operation(summary = "Choose the default series")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.NUMBERING_DEFAULTS_REQUEST)))
    @APIResponse(responseCode = "200", description = "The defaults")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "SERIES_NOT_FOUND")
    @PUT
    @Gated(Action.MANAGE_NUMBERING)
    @Path("settings/numbering")
    @Consumes(MediaType.APPLICATION_JSON)
    public NumberingDefaults changeDefaults(JsonValue body) {
        JsonObject json = JsonBodies.object(body, "{customerSeriesId, vendorSeriesId, creditNoteSeriesId}");
        return settings.changeNumberingDefaults(new NumberingDefaults(
                JsonBodies.requiredLong(json, "customerSeriesId"),
                JsonBodies.requiredLong(json, "vendorSeriesId"),
                JsonBodies.requiredLong(json, "creditNoteSeriesId")));
    }

    private static SeriesDefinition definition(JsonValue body) {
        JsonObject json = JsonBodies.object(body, SERIES_SHAPE);
        return new SeriesDefinition(
                JsonBodies.requiredString(json, "name"),
                JsonBodies.requiredString(json, "pattern"),
                JsonBodies.requiredLong(json, "startNumber"),
                JsonBodies.optionalBoolean(json, "yearlyRestart", false),
                JsonBodies.optionalInt(json, "padding", 0));
    }

    private static long seriesId(String id) {
        return Params.pathId(id, ErrorCode.SERIES_NOT_FOUND, "numbering series");
    }
}
