package org.billing.invoicing.web;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.document.TemplateService;
import org.billing.invoicing.document.TemplateView;
import org.billing.invoicing.invoice.Direction;

/**
 * templates.xhtml?account=N&amp;direction=CUSTOMER: the template an account's invoices of one direction are made
 * with (seed 001: each account chooses its own); none: the global default.
 */
@Named
@ViewScoped
public class TemplateAssignmentForm extends AccountDirectionForm {

    private static final long serialVersionUID = 1L;

    /** Not "account": that is the view parameter, which a form of that id would submit. */
    private static final String FORM = "assignment";

    private static final Set<String> INPUTS = Set.of("accountId", "templateId");

    public TemplateAssignmentForm() {
        super(FORM, INPUTS);
    }

    @EJB
    private TemplateService templates;

    @Inject
    private TemplateLibrary library;

    private Long templateId;
    /** The stored assignment of the pair shown, null when the account has none (it uses the default). */
    private TemplateView assigned;

    @Override
    protected void read(long accountId, Direction direction) {
        show(templates.assigned(accountId, direction));
    }

    public void save() {
        if (!Access.permits(Action.MANAGE_TEMPLATES, "assign templates to accounts")) {
            return;
        }
        try {
            show(templates.assign(getAccountId(), getDirection(), templateId));
        } catch (RuntimeException e) {
            refused(Refusals.refusal(e));
            return;
        } finally {
            library.reload();
        }
        String invoices =
                "The " + getDirection().name().toLowerCase(Locale.ROOT) + " invoices of account " + getAccountId();
        Messages.info(
                assigned == null
                        ? invoices + " are made with the global default template."
                        : invoices + " are made with template '" + assigned.name() + "'.");
    }

    private void show(Optional<TemplateView> stored) {
        assigned = stored.orElse(null);
        templateId = assigned == null ? null : assigned.id();
    }

    /** What the pair's invoices are made with now, in words. */
    public String getCurrent() {
        if (assigned != null) {
            return "Its own template '" + assigned.name() + "'.";
        }
        TemplateView fallback = library.getGlobalDefault();
        return fallback == null
                ? "No template of its own, and there is no global default: its invoices get no document."
                : "No template of its own: the global default '" + fallback.name() + "'.";
    }

    public TemplateView getAssigned() {
        return assigned;
    }

    public Long getTemplateId() {
        return templateId;
    }

    public void setTemplateId(Long templateId) {
        this.templateId = templateId;
    }
}
