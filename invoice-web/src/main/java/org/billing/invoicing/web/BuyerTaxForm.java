package org.billing.invoicing.web;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.platform.ContractorView;
import org.billing.invoicing.platform.PlatformDirectory;
import org.billing.invoicing.tax.BuyerTaxProfileDefinition;
import org.billing.invoicing.tax.BuyerTaxProfileView;
import org.billing.invoicing.tax.TaxProfileService;
import org.billing.invoicing.tax.TaxTreatment;

/** taxes.xhtml: a contractor's tax profile as a buyer, chosen by contractor, shown and changed. */
@Named
@ViewScoped
public class BuyerTaxForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String FORM = "buyer";
    private static final Set<String> INPUTS =
            Set.of("country", "vatId", "treatment", "vatRate", "exemptionReason", "buyerReference");

    @EJB
    private TaxProfileService profiles;

    @EJB
    private PlatformDirectory directory;

    private List<ContractorView> contractors;

    private Long contractorId;
    private BuyerTaxProfileView current;
    private String country;
    private String vatId;
    private TaxTreatment treatment;
    private BigDecimal vatRate;
    private String exemptionReason;
    private String buyerReference;

    /** Shows the chosen contractor's profile in the form (empty when it has none yet). */
    public void load() {
        current = contractorId == null
                ? null
                : profiles.buyerProfile(contractorId).orElse(null);
        country = current == null ? null : current.country();
        vatId = current == null ? null : current.vatId();
        treatment = current == null ? null : current.treatment();
        vatRate = current == null ? null : current.vatRate();
        exemptionReason = current == null ? null : current.exemptionReason();
        buyerReference = current == null ? null : current.buyerReference();
    }

    public void save() {
        if (!Access.permits(Action.MANAGE_TAX_PROFILES, "change tax profiles") || contractorId == null) {
            return;
        }
        try {
            current = profiles.putBuyerProfile(
                    contractorId,
                    new BuyerTaxProfileDefinition(
                            country,
                            vatId,
                            treatment,
                            treatment == TaxTreatment.DOMESTIC ? vatRate : null,
                            treatment == TaxTreatment.EXEMPT ? exemptionReason : null,
                            buyerReference));
        } catch (RuntimeException e) {
            InvoicingException refusal = Refusals.refusal(e);
            Messages.error(
                    INPUTS.contains(refusal.field()) ? FORM + ":" + refusal.field() : null, refusal.getMessage());
            return;
        }
        Messages.info("The tax profile is saved: " + label(current.treatment()) + ", VAT category "
                + current.vatCategory() + ".");
        load();
    }

    /** A treatment in words, for the select box and the messages. */
    public String label(TaxTreatment value) {
        return switch (value) {
            case DOMESTIC -> "Domestic VAT at a rate";
            case REVERSE_CHARGE -> "Reverse charge (EU business buyer)";
            case EXPORT -> "Outside the scope of EU VAT (export)";
            case EXEMPT -> "Exempt, for a reason";
        };
    }

    /** The contractors for the select box, read once per view (it checks a posted value against them). */
    public List<ContractorView> getContractors() {
        if (contractors == null) {
            contractors = directory.contractors();
        }
        return contractors;
    }

    public TaxTreatment[] getTreatments() {
        return TaxTreatment.values();
    }

    public BuyerTaxProfileView getCurrent() {
        return current;
    }

    public Long getContractorId() {
        return contractorId;
    }

    public void setContractorId(Long contractorId) {
        this.contractorId = contractorId;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getVatId() {
        return vatId;
    }

    public void setVatId(String vatId) {
        this.vatId = vatId;
    }

    public TaxTreatment getTreatment() {
        return treatment;
    }

    public void setTreatment(TaxTreatment treatment) {
        this.treatment = treatment;
    }

    public BigDecimal getVatRate() {
        return vatRate;
    }

    public void setVatRate(BigDecimal vatRate) {
        this.vatRate = vatRate;
    }

    public String getExemptionReason() {
        return exemptionReason;
    }

    public void setExemptionReason(String exemptionReason) {
        this.exemptionReason = exemptionReason;
    }

    public String getBuyerReference() {
        return buyerReference;
    }

    public void setBuyerReference(String buyerReference) {
        this.buyerReference = buyerReference;
    }
}
