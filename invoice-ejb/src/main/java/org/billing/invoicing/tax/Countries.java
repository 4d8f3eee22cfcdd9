package org.billing.invoicing.tax;

import java.util.Locale;
import java.util.Set;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;

/** Countries as ISO 3166-1 alpha-2 codes, and which of them are member states of the EU VAT area. */
public final class Countries {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    /** The 27 member states (Directive 2006/112/EC, Art. 5); Greece is GR here, EL only in VAT IDs. */
    private static final Set<String> EU = Set.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    private Countries() {}

    public static boolean inEu(String country) {
        return EU.contains(country);
    }

    /** The code in capitals, or a refusal naming {@code field}. */
    static String require(String field, String given) {
        String code = given == null ? "" : given.trim().toUpperCase(Locale.ROOT);
        if (!ISO.contains(code)) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED,
                    field,
                    "'" + given + "' is not a country code: give the two letters of ISO 3166, e.g. DE or FR.");
        }
        return code;
    }
}
