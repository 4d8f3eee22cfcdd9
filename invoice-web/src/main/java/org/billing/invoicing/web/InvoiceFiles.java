package org.billing.invoicing.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.billing.invoicing.document.DocumentService;
import org.billing.invoicing.invoice.CallExport;
import org.billing.invoicing.invoice.InvoiceService;

/**
 * The document of an invoice for the screens' session login (the REST API's {@code document.pdf} and
 * {@code document.odt} ask for HTTP Basic, which a link on a page cannot give): the frozen document of an
 * issued invoice, a draft for a Pending one. Like every page it needs one of the module's roles (web.xml),
 * and every role may read invoices.
 * <ul>
 *   <li>{@code /invoice-files/{id}/document.pdf}: opens in the browser's tab;</li>
 *   <li>{@code /invoice-files/{id}/document.odt}: saved;</li>
 *   <li>{@code /invoice-files/{id}/calls.csv} and {@code calls.csv.gz}: the invoice's calls, saved.</li>
 * </ul>
 * A refusal (no template for the account and no default, a document not made yet or failed, no
 * LibreOffice) leads back to the invoice's page, which says why.
 */
@WebServlet(urlPatterns = InvoiceFiles.PATH + "/*")
public class InvoiceFiles extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/invoice-files";

    private static final Pattern FILE =
            Pattern.compile("/(\\d{1,18})/(document\\.pdf|document\\.odt|calls\\.csv|calls\\.csv\\.gz)");

    @EJB
    private DocumentService documents;

    @EJB
    private InvoiceService invoices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Downloads.Link link = Downloads.link(request, response, FILE);
        if (link == null) {
            return;
        }
        if (link.file().startsWith("calls")) {
            calls(request, response, link.id(), link.file().endsWith(".gz"));
            return;
        }
        boolean pdf = link.file().equals("document.pdf");
        Downloads.serve(
                request,
                response,
                () -> pdf ? documents.pdf(link.id()) : documents.odt(link.id()),
                pdf,
                "/invoice.xhtml?id=" + link.id(),
                "No " + (pdf ? "PDF" : "ODT") + " of invoice " + link.id() + ": ");
    }

    /** The invoice's calls, streamed from the database as they are read (issue 13). */
    private void calls(HttpServletRequest request, HttpServletResponse response, long id, boolean gzip)
            throws IOException {
        CallExport export;
        try {
            export = invoices.callExport(id);
        } catch (RuntimeException e) {
            Downloads.refuse(
                    request,
                    response,
                    "/invoice.xhtml?id=" + id,
                    "No calls of invoice " + id + ": " + Refusals.refusal(e).getMessage());
            return;
        }
        response.setContentType(export.mediaType(gzip));
        response.setHeader("Content-Disposition", Downloads.contentDisposition("attachment", export.fileName(gzip)));
        invoices.writeCalls(export, response.getOutputStream(), gzip);
    }
}
