package org.billing.invoicing.tax;

import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;

/**
 * A legal entity of the platform operator as an administrator describes it: what an invoice must say of
 * its supplier (Directive 2006/112/EC, Art. 226: name, address, VAT ID) and how it is paid.
 *
 * @param paymentTermsDays days from the issue date to the due date
 * @param rounding how the legal totals are rounded to the currency's minor unit: HALF_UP or HALF_EVEN
 * @param isDefault the entity every account sells through unless assigned another
 */
public record SellerProfileDefinition(
        String legalName,
        String street,
        String city,
        String postalCode,
        String country,
        String vatId,
        String registration,
        String contactEmail,
        String contactPhone,
        String iban,
        String bic,
        Integer paymentTermsDays,
        String rounding,
        boolean isDefault) {

    public static final int DEFAULT_PAYMENT_TERMS_DAYS = 30;
    private static final Set<String> ROUNDINGS = Set.of(RoundingMode.HALF_UP.name(), RoundingMode.HALF_EVEN.name());

    /** The definition trimmed and normalized, or a refusal naming the first field that is wrong. */
    public SellerProfileDefinition validated() {
        String countryCode = Countries.require("country", country);
        String vat = VatIds.checked("vatId", countryCode, Fields.optional("vatId", vatId, 30));
        if (vat == null && Countries.inEu(countryCode)) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED,
                    "vatId",
                    "A seller in " + countryCode + " prints its VAT ID on every invoice: give it.");
        }
        String ibanText = Fields.optional("iban", iban, 42);
        if (ibanText != null) {
            ibanText = ibanText.replace(" ", "").toUpperCase(Locale.ROOT);
            Fields.refuseIf("iban", BankAccounts.ibanProblem(ibanText));
        }
        String bicText = Fields.optional("bic", bic, 11);
        if (bicText != null) {
            bicText = bicText.toUpperCase(Locale.ROOT);
            Fields.refuseIf("bic", BankAccounts.bicProblem(bicText));
        }
        String email = Fields.optional("contactEmail", contactEmail, 254);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED, "contactEmail", "'" + email + "' is not an email address.");
        }
        int terms = paymentTermsDays == null ? DEFAULT_PAYMENT_TERMS_DAYS : paymentTermsDays;
        if (terms < 0 || terms > 365) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED, "paymentTermsDays", "Payment terms are from 0 to 365 days.");
        }
        String roundingMode =
                rounding == null ? RoundingMode.HALF_UP.name() : rounding.trim().toUpperCase(Locale.ROOT);
        if (!ROUNDINGS.contains(roundingMode)) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED,
                    "rounding",
                    "Rounding is HALF_UP (commercial) or HALF_EVEN (banker's).");
        }
        return new SellerProfileDefinition(
                Fields.required("legalName", legalName, 200),
                Fields.required("street", street, 200),
                Fields.required("city", city, 100),
                Fields.required("postalCode", postalCode, 20),
                countryCode,
                vat,
                Fields.optional("registration", registration, 100),
                email,
                Fields.optional("contactPhone", contactPhone, 50),
                ibanText,
                bicText,
                terms,
                roundingMode,
                isDefault);
    }
}
