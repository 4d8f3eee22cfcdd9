package org.billing.invoicing.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.billing.invoicing.document.InvoiceFile;
import org.billing.invoicing.security.TrustedProxies;

/**
 * The files the screens link to ({@link TemplateFiles}, {@link InvoiceFiles}): sent as they are, or, when
 * one cannot be had, the page the link was on opened again, saying why once ({@code #{downloads.showRefusal}}
 * as its view action). The operator gets a sentence on the page, never an error page.
 */
@Named
@RequestScoped
public class Downloads {

    /** The session attribute holding the refusal the next page shows once. */
    static final String REFUSAL = Downloads.class.getName() + ".refusal";

    /** The view action of a page with download links. */
    public void showRefusal() {
        Map<String, Object> session =
                FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
        Object refusal = session.remove(REFUSAL);
        if (refusal != null) {
            Messages.error(null, refusal.toString());
        }
    }

    /** What a file link names: an id and which of its files (the two groups of the servlet's pattern). */
    record Link(long id, String file) {}

    /** The link the request's path names; null, with a 404 sent, when it names none. */
    static Link link(HttpServletRequest request, HttpServletResponse response, Pattern files) throws IOException {
        Matcher matcher = files.matcher(String.valueOf(request.getPathInfo()));
        if (!matcher.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return null;
        }
        return new Link(Long.parseLong(matcher.group(1)), matcher.group(2));
    }

    /**
     * Sends the file {@code make} gives; when it refuses, opens {@code page} again, which says
     * {@code why} followed by the refusal.
     */
    static void serve(
            HttpServletRequest request,
            HttpServletResponse response,
            Supplier<InvoiceFile> make,
            boolean inline,
            String page,
            String why)
            throws IOException {
        InvoiceFile file;
        try {
            file = make.get();
        } catch (RuntimeException e) {
            refuse(request, response, page, why + Refusals.refusal(e).getMessage());
            return;
        }
        send(response, file, inline);
    }

    /** Sends the file: a PDF opens in the browser's tab ({@code inline}), anything else is saved. */
    private static void send(HttpServletResponse response, InvoiceFile file, boolean inline) throws IOException {
        response.setContentType(file.mediaType());
        response.setContentLengthLong(file.content().length);
        response.setHeader(
                "Content-Disposition", contentDisposition(inline ? "inline" : "attachment", file.fileName()));
        response.getOutputStream().write(file.content());
    }

    /** Opens {@code page} (e.g. {@code /invoice.xhtml?id=5}) again, which says {@code why}. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, String page, String why)
            throws IOException {
        request.getSession().setAttribute(REFUSAL, why);
        response.sendRedirect(TrustedProxies.configured().redirectTarget(request, request.getContextPath() + page));
    }

    /**
     * RFC 6266: a plain ASCII {@code filename} every browser reads, and the name as uploaded (any script) in
     * {@code filename*}; quotes, backslashes and line breaks never reach the header.
     */
    static String contentDisposition(String type, String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
