package org.billing.invoicing.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.generation.AutoInvoicingService;
import org.billing.invoicing.generation.AutoInvoicingSettings;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.period.InvoicePeriod;

/**
 * automatic.xhtml's "An account": an account's automatic invoicing in one direction (its invoice period
 * and the day it starts from), which an administrator saves or stops. The runs are
 * {@link GenerationRunsView}'s, the overview of all accounts {@link AutoInvoicingOverviewList}'s.
 */
@Named
@ViewScoped
public class AutoInvoicingForm extends AccountDirectionForm {

    private static final long serialVersionUID = 1L;

    private static final String FORM = "settings";
    private static final Set<String> INPUTS = Set.of("accountId", "invoicePeriod", "generateFrom");

    public AutoInvoicingForm() {
        super(FORM, INPUTS);
    }

    @EJB
    private AutoInvoicingService autoInvoicing;

    @Inject
    private Display display;

    private InvoicePeriod invoicePeriod;
    private LocalDate generateFrom;
    /** Whether the pair shown is invoiced automatically now. */
    private boolean active;

    @Override
    protected void read(long accountId, Direction direction) {
        show(autoInvoicing.settings(accountId, direction));
    }

    public void save() {
        if (!Access.permits(Action.MANAGE_AUTOMATIC_INVOICING, "change automatic invoicing")) {
            return;
        }
        try {
            show(Optional.of(autoInvoicing.change(
                    new AutoInvoicingSettings(getAccountId(), getDirection(), invoicePeriod, generateFrom))));
        } catch (RuntimeException e) {
            refused(Refusals.refusal(e));
            return;
        }
        Messages.info("Account " + getAccountId() + " is invoiced automatically as " + words(getDirection()) + ", "
                + display.label(invoicePeriod).toLowerCase(Locale.ROOT) + ", from " + generateFrom + ".");
    }

    public void stop() {
        if (!Access.permits(Action.MANAGE_AUTOMATIC_INVOICING, "change automatic invoicing")) {
            return;
        }
        try {
            autoInvoicing.stop(getAccountId(), getDirection());
        } catch (RuntimeException e) {
            refused(Refusals.refusal(e));
            return;
        }
        show(Optional.empty());
        Messages.info("Account " + getAccountId() + " is no longer invoiced automatically as " + words(getDirection())
                + "; its invoices stay.");
    }

    private void show(Optional<AutoInvoicingSettings> stored) {
        active = stored.isPresent();
        invoicePeriod = stored.map(AutoInvoicingSettings::invoicePeriod).orElse(null);
        generateFrom = stored.map(AutoInvoicingSettings::generateFrom).orElse(null);
    }

    private static String words(Direction direction) {
        return direction.name().toLowerCase(Locale.ROOT);
    }

    public InvoicePeriod[] getPeriods() {
        return InvoicePeriod.values();
    }

    public boolean isActive() {
        return active;
    }

    public InvoicePeriod getInvoicePeriod() {
        return invoicePeriod;
    }

    public void setInvoicePeriod(InvoicePeriod invoicePeriod) {
        this.invoicePeriod = invoicePeriod;
    }

    public LocalDate getGenerateFrom() {
        return generateFrom;
    }

    public void setGenerateFrom(LocalDate generateFrom) {
        this.generateFrom = generateFrom;
    }
}
