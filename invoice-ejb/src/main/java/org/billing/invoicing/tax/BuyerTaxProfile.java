package org.billing.invoicing.tax;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How a contractor is taxed as a buyer: kept by the module, since the platform's tables hold no tax data. */
@Entity
@Table(name = "buyer_tax_profile")
public class BuyerTaxProfile {

    @Id
    @Column(name = "contractor_id")
    private Long contractorId;

    private String country;

    @Column(name = "vat_id")
    private String vatId;

    @Enumerated(EnumType.STRING)
    private TaxTreatment treatment;

    @Column(name = "vat_rate")
    private BigDecimal vatRate;

    @Column(name = "exemption_reason")
    private String exemptionReason;

    @Column(name = "buyer_reference")
    private String buyerReference;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    protected BuyerTaxProfile() {}

    static BuyerTaxProfile of(long contractorId) {
        BuyerTaxProfile profile = new BuyerTaxProfile();
        profile.contractorId = contractorId;
        return profile;
    }

    /** Takes a validated definition, and who changed it when. */
    void revise(BuyerTaxProfileDefinition definition, Instant now, String by) {
        country = definition.country();
        vatId = definition.vatId();
        treatment = definition.treatment();
        vatRate = definition.vatRate();
        exemptionReason = definition.exemptionReason();
        buyerReference = definition.buyerReference();
        updatedAt = now;
        updatedBy = by;
    }

    public BuyerTaxProfileView view() {
        return new BuyerTaxProfileView(
                contractorId,
                country,
                vatId,
                treatment,
                vatRate == null ? null : vatRate.setScale(2),
                treatment.category(vatRate == null ? BigDecimal.ZERO : vatRate),
                exemptionReason,
                buyerReference,
                updatedAt,
                updatedBy);
    }
}
