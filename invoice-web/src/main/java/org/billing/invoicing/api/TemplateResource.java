package org.billing.invoicing.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.Gated;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.document.DocumentService;
import org.billing.invoicing.document.InvoiceFile;
import org.billing.invoicing.document.TemplateCheck;
import org.billing.invoicing.document.TemplateInspector;
import org.billing.invoicing.document.TemplateLimits;
import org.billing.invoicing.document.TemplateProblem;
import org.billing.invoicing.document.TemplateService;
import org.billing.invoicing.document.TemplateSource;
import org.billing.invoicing.document.TemplateView;
import org.billing.invoicing.invoice.Direction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Invoice templates (seed 001, seed 003). A template is uploaded as the raw bytes of the .odt file
 * ({@code Content-Type: application/vnd.oasis.opendocument.text} or {@code application/octet-stream}),
 * its name and original filename as query parameters: one request, no multipart parsing.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "ODF invoice templates and which account uses which")
@Gated(Action.READ)
public class TemplateResource {

    private static final String ODT = TemplateInspector.ODT_MEDIA_TYPE;
    private static final long DRAIN_LIMIT = 256L * 1024 * 1024;

    @EJB
    private TemplateService templates;

    @EJB
    private DocumentService documents;

    @Context
    private UriInfo uriInfo;

    private final long maxFileBytes = TemplateLimits.fromSettings().maxFileBytes();

    @GET
    @Path("invoice-templates")
    public List<TemplateView> list() {
        return templates.list();
    }

    @POST
    @Gated(Action.MANAGE_TEMPLATES)
    @Path("invoice-templates")
    @Consumes({ODT, MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@QueryParam("name") String name, @QueryParam("filename") String filename, InputStream body) {
        TemplateView created = templates.upload(name, filename, read(body));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(String.valueOf(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    /** Checks a file as an upload would, and stores nothing: 200 with the problems found (none: valid). */
    @POST
    @Gated(Action.MANAGE_TEMPLATES)
    @Path("invoice-templates/lint")
    @Consumes({ODT, MediaType.APPLICATION_OCTET_STREAM})
    public Lint lint(InputStream body) {
        TemplateCheck check = templates.lint(read(body));
        return new Lint(
                check.valid(),
                check.problems(),
                check.placeholders().stream().sorted().toList(),
                check.tables().stream().sorted().toList(),
                check.legalTables().stream().sorted().toList());
    }

    /**
     * The result of a lint: {@code valid}, the {@code problems}, the placeholders and the tables used: seed
     * 001's in {@code tables}, issue 12's (INV_TAX_TABLE, INV_TAX_LINES_TABLE) in {@code legalTables}.
     */
    public record Lint(
            boolean valid,
            List<TemplateProblem> problems,
            List<String> placeholders,
            List<String> tables,
            List<String> legalTables) {}

    @GET
    @Path("invoice-templates/default")
    public JsonObject globalDefault() {
        return templateRef(templates.globalDefault());
    }

    @Operation(summary = "Choose the default template")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.TEMPLATE_CHOICE)))
    @APIResponse(responseCode = "200", description = "The default")
    @APIResponse(responseCode = "404", description = "TEMPLATE_NOT_FOUND")
    @PUT
    @Gated(Action.MANAGE_TEMPLATES)
    @Path("invoice-templates/default")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject changeGlobalDefault(JsonValue body) {
        JsonObject json = JsonBodies.object(body, "{templateId}");
        return templateRef(templates.changeGlobalDefault(JsonBodies.optionalLong(json, "templateId")));
    }

    @GET
    @Path("invoice-templates/{id}")
    public TemplateView get(@PathParam("id") String id) {
        return templates.get(templateId(id));
    }

    @DELETE
    @Gated(Action.MANAGE_TEMPLATES)
    @Path("invoice-templates/{id}")
    public Response delete(@PathParam("id") String id) {
        templates.delete(templateId(id));
        return Response.noContent().build();
    }

    /** "View source" (seed 003): the file as uploaded. */
    @GET
    @Path("invoice-templates/{id}/source")
    @Produces({ODT, MediaType.APPLICATION_JSON})
    public Response source(@PathParam("id") String id) {
        TemplateSource source = templates.source(templateId(id));
        return file(new InvoiceFile(source.filename(), ODT, source.content()), "attachment")
                .header("ETag", "\"" + source.sha1() + "\"")
                .build();
    }

    /** "Preview PDF" (seed 003): the template as a PDF, placeholders as they are. */
    @GET
    @Path("invoice-templates/{id}/preview.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response preview(@PathParam("id") String id) {
        return file(documents.previewTemplate(templateId(id)), "inline").build();
    }

    /** The templates an account's invoices use, per direction, and the default they fall back on. */
    @GET
    @Path("accounts/{id}/invoice-templates")
    public JsonObject accountTemplates(@PathParam("id") String id) {
        long accountId = accountId(id);
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (Direction direction : Direction.values()) {
            json.add(direction.name(), templateRef(templates.assigned(accountId, direction)));
        }
        return json.add("globalDefault", templateRef(templates.globalDefault())).build();
    }

    /** Assigns a template to an account for one direction; {@code {"templateId": null}} removes it. */
    @Operation(summary = "Assign a template to an account for one direction; null removes it")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.TEMPLATE_CHOICE)))
    @APIResponse(responseCode = "200", description = "The assignment")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "ACCOUNT_NOT_FOUND, TEMPLATE_NOT_FOUND")
    @PUT
    @Gated(Action.MANAGE_TEMPLATES)
    @Path("accounts/{id}/invoice-templates/{direction}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject assign(@PathParam("id") String id, @PathParam("direction") String direction, JsonValue body) {
        JsonObject json = JsonBodies.object(body, "{templateId}");
        Direction chosen = Params.enumValue(Direction.class, direction, "direction");
        if (chosen == null) {
            throw Params.invalid("direction", "direction is CUSTOMER or VENDOR.");
        }
        return templateRef(templates.assign(accountId(id), chosen, JsonBodies.optionalLong(json, "templateId")));
    }

    static Response.ResponseBuilder file(InvoiceFile file, String disposition) {
        String safe = file.fileName().replaceAll("[\"\\\\\\r\\n]", "_");
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", disposition + "; filename=\"" + safe + "\"")
                .header("Content-Length", file.content().length);
    }

    private static JsonObject templateRef(Optional<TemplateView> template) {
        if (template.isEmpty()) {
            return Json.createObjectBuilder().addNull("templateId").build();
        }
        TemplateView view = template.get();
        return Json.createObjectBuilder()
                .add("templateId", view.id())
                .add("name", view.name())
                .add("sha1", view.sha1())
                .build();
    }

    private byte[] read(InputStream body) {
        try {
            byte[] bytes = body == null
                    ? new byte[0]
                    : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            if (bytes.length > maxFileBytes) {
                // Read the rest (up to a bound) so that the client hears the refusal instead of a reset connection.
                long drained = 0;
                while (drained < DRAIN_LIMIT && body.read() >= 0) {
                    drained += 1 + body.skip(DRAIN_LIMIT - drained);
                }
                throw new InvoicingException(
                        ErrorCode.TEMPLATE_TOO_LARGE,
                        "file",
                        "The file is larger than " + maxFileBytes + " bytes, the most accepted.");
            }
            return bytes;
        } catch (IOException e) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "file", "The file could not be read.");
        }
    }

    private static long templateId(String id) {
        return Params.pathId(id, ErrorCode.TEMPLATE_NOT_FOUND, "template");
    }

    private static long accountId(String id) {
        return Params.pathId(id, ErrorCode.ACCOUNT_NOT_FOUND, "account");
    }
}
