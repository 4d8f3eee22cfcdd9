package org.billing.invoicing.api;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import org.billing.invoicing.document.DocumentService;
import org.billing.invoicing.document.InvoiceDocument;
import org.billing.invoicing.document.TemplateInspector;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An invoice's document: the frozen PDF and ODT of an issued invoice, a draft rendered now for a
 * Pending one ({@code draft-invoice-<id>.pdf}), its status, and an operator's retry.
 */
@Path("invoices")
@Tag(name = "Documents", description = "The invoice document: .odt and PDF")
@Gated(Action.READ)
public class DocumentResource {

    @EJB
    private DocumentService documents;

    @Operation(summary = "The PDF of an issued invoice")
    @APIResponse(responseCode = "200", description = "The PDF")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND, DOCUMENT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "DOCUMENT_NOT_READY")
    @APIResponse(
            responseCode = "429",
            description = "TOO_MANY_DRAFTS: the caller has as many drafts in the making as allowed")
    @APIResponse(responseCode = "503", description = "PDF_UNAVAILABLE")
    @GET
    @Path("{id}/document.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response pdf(@PathParam("id") String id) {
        return TemplateResource.file(documents.pdf(invoiceId(id)), "inline").build();
    }

    @GET
    @Path("{id}/document.odt")
    @Produces({TemplateInspector.ODT_MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response odt(@PathParam("id") String id) {
        return TemplateResource.file(documents.odt(invoiceId(id)), "attachment").build();
    }

    /** {@code status} (NONE, PENDING, READY, FAILED), the reason of a failure, the template and digests. */
    @GET
    @Path("{id}/document")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject status(@PathParam("id") String id) {
        long invoiceId = invoiceId(id);
        return json(invoiceId, documents.status(invoiceId).orElse(null));
    }

    /** Makes an issued invoice's document now when it is not made yet (after a failure, say). */
    @POST
    @Gated(Action.RENDER_DOCUMENT)
    @Path("{id}/document")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject render(@PathParam("id") String id) {
        long invoiceId = invoiceId(id);
        return json(invoiceId, documents.renderNow(invoiceId).orElse(null));
    }

    private static JsonObject json(long invoiceId, InvoiceDocument document) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("invoiceId", invoiceId);
        if (document == null) {
            return json.add("status", "NONE").build();
        }
        json.add("status", document.status().name()).add("attempts", document.attempts());
        add(json, "fileName", document.fileName());
        add(json, "failure", document.failure());
        if (document.templateId() != null) {
            json.add("templateId", document.templateId());
        }
        add(json, "templateSha1", document.templateSha1());
        add(json, "odtSha256", document.odtSha256());
        add(json, "pdfSha256", document.pdfSha256());
        add(
                json,
                "renderedAt",
                document.renderedAt() == null ? null : document.renderedAt().toString());
        return json.build();
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static long invoiceId(String id) {
        return Params.pathId(id, ErrorCode.INVOICE_NOT_FOUND, "invoice");
    }
}
