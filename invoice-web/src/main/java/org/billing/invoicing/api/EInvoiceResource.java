package org.billing.invoicing.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.Gated;
import org.billing.invoicing.document.DocumentService;
import org.billing.invoicing.document.InvoiceFile;
import org.billing.invoicing.einvoice.EInvoice;
import org.billing.invoicing.einvoice.EInvoiceService;
import org.billing.invoicing.einvoice.EInvoices;
import org.billing.invoicing.einvoice.Syntax;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An issued invoice as an EN 16931 e-invoice: UBL 2.1 or UN/CEFACT CII. */
@Path("invoices")
@Tag(name = "E-invoices", description = "EN 16931 e-invoices: UBL 2.1 and CII")
@Gated(Action.READ)
public class EInvoiceResource {

    @EJB
    private EInvoiceService einvoices;

    @EJB
    private DocumentService documents;

    @Operation(
            summary = "The e-invoice of an issued invoice",
            description = "syntax=UBL: a UBL 2.1 Invoice (CreditNote for a credit note); syntax=CII: a UN/CEFACT"
                    + " Cross Industry Invoice. Both follow EN 16931 (urn:cen.eu:en16931:2017).")
    @APIResponse(responseCode = "200", description = "The XML")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: syntax is missing or neither UBL nor CII")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND")
    @APIResponse(
            responseCode = "409",
            description = "INVOICE_NOT_ISSUED, EINVOICE_INCOMPLETE (no seller profile, no buyer tax profile, or a"
                    + " rule of EN 16931 the invoice cannot meet, named in detail)")
    @GET
    @Path("{id}/einvoice.xml")
    @Produces({MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    public Response xml(@PathParam("id") String id, @QueryParam("syntax") String syntax) {
        long invoiceId = Params.pathId(id, ErrorCode.INVOICE_NOT_FOUND, "invoice");
        Syntax chosen = Params.enumValue(Syntax.class, syntax, "syntax");
        if (chosen == null) {
            throw Params.invalid("syntax", "syntax is one of UBL, CII.");
        }
        EInvoice einvoice = einvoices.einvoice(invoiceId);
        return Response.ok(EInvoices.render(einvoice, chosen), MediaType.APPLICATION_XML_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + EInvoices.fileName(einvoice, chosen) + "\"")
                .build();
    }

    @Operation(
            summary = "The document of an issued invoice as Factur-X",
            description = "The invoice's frozen document exported as PDF/A-3 with its EN 16931 e-invoice (CII)"
                    + " embedded as factur-x.xml (Factur-X / ZUGFeRD 2, profile EN 16931).")
    @APIResponse(responseCode = "200", description = "The PDF")
    @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND")
    @APIResponse(
            responseCode = "409",
            description = "INVOICE_NOT_ISSUED, EINVOICE_INCOMPLETE, or the document is not made yet (its code as"
                    + " for document.pdf)")
    @GET
    @Path("{id}/facturx.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response facturX(@PathParam("id") String id) {
        InvoiceFile file = documents.facturX(Params.pathId(id, ErrorCode.INVOICE_NOT_FOUND, "invoice"));
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .build();
    }
}
