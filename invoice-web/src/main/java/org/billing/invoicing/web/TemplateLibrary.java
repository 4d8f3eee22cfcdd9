package org.billing.invoicing.web;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.document.TemplateLimits;
import org.billing.invoicing.document.TemplateService;
import org.billing.invoicing.document.TemplateView;
import org.primefaces.model.file.UploadedFile;

/**
 * templates.xhtml: the invoice templates (seed 001) with where they are used, the upload of a new one
 * (seed 003's "Default Invoice Template" field) and delete. A refused upload is shown next to the input the
 * service names: the file's checks (not an .odt, too large, unsafe, unknown placeholders by name) next to the
 * file, a name already taken next to the name. "View source" and "Preview PDF" are links to {@link TemplateFiles}.
 */
@Named
@ViewScoped
public class TemplateLibrary implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The upload form's id in templates.xhtml; its inputs carry the ids of the fields a refusal names. */
    private static final String FORM = "upload";

    private static final String FILE_INPUT = FORM + ":file";
    private static final Map<String, String> INPUTS =
            Map.of("name", FORM + ":name", "file", FILE_INPUT, "filename", FILE_INPUT);

    @EJB
    private TemplateService templates;

    private List<TemplateView> list;

    private String name;
    /** The part of this request only: it is read in the action, never kept with the view. */
    private transient UploadedFile file;

    /** Every template by name, read once per view and again after a change. */
    public List<TemplateView> getTemplates() {
        if (list == null) {
            list = templates.list();
        }
        return list;
    }

    /** The list is read again on its next use, after a change made here or by another form of the page. */
    void reload() {
        list = null;
    }

    public void upload() {
        if (!Access.permits(Action.MANAGE_TEMPLATES, "upload templates")) {
            return;
        }
        if (file == null || file.getFileName() == null || file.getFileName().isBlank()) {
            Messages.error(FILE_INPUT, "Choose the template's .odt file.");
            return;
        }
        TemplateView stored;
        try {
            // Refused by its size before it is read into memory.
            TemplateLimits.fromSettings().requireFileSize(file.getSize());
            stored = templates.upload(name, file.getFileName(), file.getContent());
        } catch (RuntimeException e) {
            InvoicingException refusal = Refusals.refusal(e);
            Messages.error(INPUTS.get(refusal.field()), refusal.getMessage());
            return;
        } finally {
            file = null;
        }
        Messages.info("Template '" + stored.name() + "' is stored (SHA-1 " + stored.sha1() + "). Choose it as the"
                + " default or assign it to accounts to have their invoices made with it.");
        name = null;
        reload();
    }

    public void delete(TemplateView template) {
        if (!Access.permits(Action.MANAGE_TEMPLATES, "delete templates")) {
            return;
        }
        try {
            templates.delete(template.id());
        } catch (RuntimeException e) {
            InvoicingException refusal = Refusals.refusal(e);
            reload();
            Messages.error(
                    null, refusal.code() == ErrorCode.TEMPLATE_IN_USE ? inUse(template.id()) : refusal.getMessage());
            return;
        }
        Messages.info("Template '" + template.name() + "' is deleted.");
        reload();
    }

    /** The template that is the global default, or null. */
    public TemplateView getGlobalDefault() {
        return getTemplates().stream()
                .filter(TemplateView::globalDefault)
                .findFirst()
                .orElse(null);
    }

    /** How many accounts use a template, for either direction or both. */
    public long accountsUsing(TemplateView template) {
        return template.usedBy().stream()
                .map(TemplateView.Assignment::accountId)
                .distinct()
                .count();
    }

    /** Who uses a template: {@code 10 Acme wholesale (Customer), 12 Beta (Vendor)}; empty for nobody. */
    public String usersOf(TemplateView template) {
        return template.usedBy().stream()
                .map(a -> a.accountId() + " " + a.accountName() + " (" + direction(a.direction()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** Why template {@code id} is not deleted, in the screen's words (the directions as the screen shows them). */
    private String inUse(long id) {
        TemplateView template =
                getTemplates().stream().filter(t -> t.id() == id).findFirst().orElse(null);
        if (template == null) {
            return "Template " + id + " is in use.";
        }
        String users = template.usedBy().stream()
                .map(a -> "account " + a.accountId() + " '" + a.accountName() + "' (" + direction(a.direction()) + ")")
                .collect(Collectors.joining(", "));
        return "Template " + id + " '" + template.name() + "' is in use: "
                + (template.globalDefault() ? "it is the global default template" + (users.isEmpty() ? "" : "; ") : "")
                + users + ".";
    }

    /** {@code CUSTOMER} as {@code Customer}. */
    private static String direction(String direction) {
        return direction.charAt(0) + direction.substring(1).toLowerCase(Locale.ROOT);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
