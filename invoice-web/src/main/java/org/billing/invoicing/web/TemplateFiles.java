package org.billing.invoicing.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.billing.invoicing.document.DocumentService;
import org.billing.invoicing.document.InvoiceFile;
import org.billing.invoicing.document.TemplateService;
import org.billing.invoicing.document.TemplateSource;

/**
 * The two files of templates.xhtml (seed 003), for the screens' session login: the REST API asks for HTTP
 * Basic on every request, which a link on a page cannot give. Like every page, it needs one of the module's
 * roles (web.xml), and every role may read templates.
 * <ul>
 *   <li>{@code /template-files/{id}/source}: "View source", the .odt as uploaded;</li>
 *   <li>{@code /template-files/{id}/preview.pdf}: "Preview PDF", the template made a PDF by LibreOffice with
 *       its placeholders as they are.</li>
 * </ul>
 * A refusal (no such template; {@code PDF_UNAVAILABLE} when LibreOffice is missing or fails) leads back to
 * templates.xhtml, which says why: the operator gets a sentence on the page, not an error page.
 */
@WebServlet(urlPatterns = TemplateFiles.PATH + "/*")
public class TemplateFiles extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/template-files";

    private static final Pattern FILE = Pattern.compile("/(\\d{1,18})/(source|preview\\.pdf)");

    @EJB
    private TemplateService templates;

    @EJB
    private DocumentService documents;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Downloads.Link link = Downloads.link(request, response, FILE);
        if (link == null) {
            return;
        }
        // The PDF opens in the browser's tab; the .odt is saved under the name it was uploaded with.
        boolean preview = link.file().startsWith("preview");
        Downloads.serve(
                request,
                response,
                () -> preview ? documents.previewTemplate(link.id()) : source(link.id()),
                preview,
                "/templates.xhtml",
                preview ? "No PDF preview of template " + link.id() + ": " : "");
    }

    private InvoiceFile source(long id) {
        TemplateSource source = templates.source(id);
        return new InvoiceFile(source.filename(), InvoiceFile.ODT, source.content());
    }
}
