package org.billing.invoicing.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.settings.InvoiceSettingsService;
import org.billing.invoicing.settings.NumberingDefaults;

/** numbering.xhtml: the series that number customer invoices, vendor invoices and credit notes by default. */
@Named
@ViewScoped
public class NumberingDefaultsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String FORM = "defaults";
    private static final Set<String> INPUTS = Set.of("customerSeriesId", "vendorSeriesId", "creditNoteSeriesId");

    @EJB
    private InvoiceSettingsService settings;

    /** As stored: what the series table says each series is the default for. */
    private NumberingDefaults stored;

    private Long customerSeriesId;
    private Long vendorSeriesId;
    private Long creditNoteSeriesId;

    @PostConstruct
    void load() {
        show(settings.numberingDefaults());
    }

    public void save() {
        if (!Access.permits(Action.MANAGE_NUMBERING, "change the numbering settings")) {
            return;
        }
        try {
            show(settings.changeNumberingDefaults(
                    new NumberingDefaults(customerSeriesId, vendorSeriesId, creditNoteSeriesId)));
        } catch (RuntimeException e) {
            InvoicingException refusal = Refusals.refusal(e);
            Messages.error(
                    INPUTS.contains(refusal.field()) ? FORM + ":" + refusal.field() : null, refusal.getMessage());
            return;
        }
        Messages.info("The default series are saved; they number the invoices issued from now on.");
    }

    /** What a series numbers by default, e.g. {@code Customer invoices, Credit notes}; empty for none. */
    public String usesOf(long seriesId) {
        List<String> uses = new ArrayList<>();
        if (Objects.equals(stored.customerSeriesId(), seriesId)) {
            uses.add("Customer invoices");
        }
        if (Objects.equals(stored.vendorSeriesId(), seriesId)) {
            uses.add("Vendor invoices");
        }
        if (Objects.equals(stored.creditNoteSeriesId(), seriesId)) {
            uses.add("Credit notes");
        }
        return String.join(", ", uses);
    }

    private void show(NumberingDefaults defaults) {
        stored = defaults;
        customerSeriesId = defaults.customerSeriesId();
        vendorSeriesId = defaults.vendorSeriesId();
        creditNoteSeriesId = defaults.creditNoteSeriesId();
    }

    public Long getCustomerSeriesId() {
        return customerSeriesId;
    }

    public void setCustomerSeriesId(Long customerSeriesId) {
        this.customerSeriesId = customerSeriesId;
    }

    public Long getVendorSeriesId() {
        return vendorSeriesId;
    }

    public void setVendorSeriesId(Long vendorSeriesId) {
        this.vendorSeriesId = vendorSeriesId;
    }

    public Long getCreditNoteSeriesId() {
        return creditNoteSeriesId;
    }

    public void setCreditNoteSeriesId(Long creditNoteSeriesId) {
        this.creditNoteSeriesId = creditNoteSeriesId;
    }
}
