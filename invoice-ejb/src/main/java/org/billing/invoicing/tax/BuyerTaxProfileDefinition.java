package org.billing.invoicing.tax;

import java.math.BigDecimal;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;

/**
 * How a contractor is taxed as the buyer of its accounts' customer invoices.
 *
 * @param vatRate percent, for DOMESTIC only (0 is zero-rated)
 * @param exemptionReason the legal ground printed on the invoice, for EXEMPT only
 * @param buyerReference the buyer's purchase order or reference, printed and sent in e-invoices (BT-10)
 */
public record BuyerTaxProfileDefinition(
        String country,
        String vatId,
        TaxTreatment treatment,
        BigDecimal vatRate,
        String exemptionReason,
        String buyerReference) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The definition trimmed and normalized, or a refusal naming the first field that is wrong. */
    public BuyerTaxProfileDefinition validated() {
        String countryCode = Countries.require("country", country);
        if (treatment == null) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED,
                    "treatment",
                    "Choose the tax treatment: DOMESTIC, REVERSE_CHARGE, EXPORT or EXEMPT.");
        }
        String vat = VatIds.checked("vatId", countryCode, Fields.optional("vatId", vatId, 30));
        String reason = Fields.optional("exemptionReason", exemptionReason, 300);
        switch (treatment) {
            case DOMESTIC -> {
                if (vatRate == null
                        || vatRate.signum() < 0
                        || vatRate.compareTo(HUNDRED) > 0
                        || vatRate.stripTrailingZeros().scale() > 2) {
                    throw new InvoicingException(
                            ErrorCode.VALIDATION_FAILED,
                            "vatRate",
                            "Domestic VAT needs its rate in percent, from 0 to 100 with at most two decimals.");
                }
            }
            case REVERSE_CHARGE -> {
                if (!Countries.inEu(countryCode)) {
                    throw new InvoicingException(
                            ErrorCode.VALIDATION_FAILED,
                            "treatment",
                            "Reverse charge is for business buyers in an EU member state; " + countryCode
                                    + " is not one: choose EXPORT.");
                }
                if (vat == null) {
                    throw new InvoicingException(
                            ErrorCode.VALIDATION_FAILED,
                            "vatId",
                            "A reverse-charge invoice names the buyer's VAT ID: give it.");
                }
            }
            case EXPORT -> {
                if (Countries.inEu(countryCode)) {
                    throw new InvoicingException(
                            ErrorCode.VALIDATION_FAILED,
                            "treatment",
                            "A buyer in " + countryCode + " is inside the EU: choose DOMESTIC or REVERSE_CHARGE.");
                }
            }
            case EXEMPT -> {
                if (reason == null) {
                    throw new InvoicingException(
                            ErrorCode.VALIDATION_FAILED,
                            "exemptionReason",
                            "An exempt invoice prints the legal ground of the exemption: give it.");
                }
            }
        }
        if (treatment != TaxTreatment.DOMESTIC && vatRate != null) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED, "vatRate", "A VAT rate is for domestic VAT only.");
        }
        if (treatment != TaxTreatment.EXEMPT && reason != null) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED, "exemptionReason", "An exemption reason is for exempt buyers only.");
        }
        return new BuyerTaxProfileDefinition(
                countryCode,
                vat,
                treatment,
                vatRate == null ? null : vatRate.stripTrailingZeros().setScale(2),
                reason,
                Fields.optional("buyerReference", buyerReference, 100));
    }
}
