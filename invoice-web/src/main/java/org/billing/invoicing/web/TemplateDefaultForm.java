package org.billing.invoicing.web;

import java.io.Serializable;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.document.TemplateService;
import org.billing.invoicing.document.TemplateView;

/**
 * templates.xhtml: the global default template (seed 003), which makes the documents of every account that
 * has no template of its own for the invoice's direction; none: those invoices get no document.
 */
@Named
@ViewScoped
public class TemplateDefaultForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private TemplateService templates;

    @Inject
    private TemplateLibrary library;

    private Long templateId;

    @PostConstruct
    void load() {
        templateId = templates.globalDefault().map(TemplateView::id).orElse(null);
    }

    public void save() {
        if (!Access.permits(Action.MANAGE_TEMPLATES, "choose the default template")) {
            return;
        }
        Optional<TemplateView> chosen;
        try {
            chosen = templates.changeGlobalDefault(templateId);
        } catch (RuntimeException e) {
            Messages.error(null, Refusals.refusal(e).getMessage());
            return;
        } finally {
            library.reload();
        }
        Messages.info(
                chosen.map(t -> "'" + t.name() + "' is the global default template: it makes the documents"
                                + " of every account without a template of its own.")
                        .orElse(
                                "There is no global default template: only accounts with a template of their own get documents."));
    }

    public Long getTemplateId() {
        return templateId;
    }

    public void setTemplateId(Long templateId) {
        this.templateId = templateId;
    }
}
