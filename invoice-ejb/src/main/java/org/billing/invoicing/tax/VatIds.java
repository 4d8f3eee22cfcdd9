package org.billing.invoicing.tax;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The syntax of VAT identification numbers, per country, as the EU's VIES publishes it for the member
 * states (with Greece's prefix EL) and as the United Kingdom (GB, and XI for Northern Ireland),
 * Switzerland and Norway print theirs. Syntax only: whether a number is registered is VIES's to say.
 * Other countries' tax numbers are taken as their country code and 2 to 18 letters or digits.
 */
public final class VatIds {

    private record Format(String prefix, Pattern rest, String example) {}

    private static final Map<String, Format> FORMATS = Map.ofEntries(
            format("AT", "ATU", "\\d{8}", "ATU12345678"),
            format("BE", "BE", "[01]\\d{9}", "BE0123456789"),
            format("BG", "BG", "\\d{9,10}", "BG123456789"),
            format("CY", "CY", "\\d{8}[A-Z]", "CY12345678X"),
            format("CZ", "CZ", "\\d{8,10}", "CZ12345678"),
            format("DE", "DE", "\\d{9}", "DE123456789"),
            format("DK", "DK", "\\d{8}", "DK12345678"),
            format("EE", "EE", "\\d{9}", "EE123456789"),
            format("GR", "EL", "\\d{9}", "EL123456789"),
            format("ES", "ES", "[A-Z0-9]\\d{7}[A-Z0-9]", "ESX1234567X"),
            format("FI", "FI", "\\d{8}", "FI12345678"),
            format("FR", "FR", "[A-HJ-NP-Z0-9]{2}\\d{9}", "FRXX123456789"),
            format("HR", "HR", "\\d{11}", "HR12345678901"),
            format("HU", "HU", "\\d{8}", "HU12345678"),
            format("IE", "IE", "\\d{7}[A-W][A-I]?|\\d[A-Z+*]\\d{5}[A-W]", "IE1234567WA"),
            format("IT", "IT", "\\d{11}", "IT12345678901"),
            format("LT", "LT", "\\d{9}|\\d{12}", "LT123456789"),
            format("LU", "LU", "\\d{8}", "LU12345678"),
            format("LV", "LV", "\\d{11}", "LV12345678901"),
            format("MT", "MT", "\\d{8}", "MT12345678"),
            format("NL", "NL", "\\d{9}B\\d{2}", "NL123456789B01"),
            format("PL", "PL", "\\d{10}", "PL1234567890"),
            format("PT", "PT", "\\d{9}", "PT123456789"),
            format("RO", "RO", "[1-9]\\d{1,9}", "RO1234567890"),
            format("SE", "SE", "\\d{10}01", "SE123456789001"),
            format("SI", "SI", "\\d{8}", "SI12345678"),
            format("SK", "SK", "\\d{10}", "SK1234567890"),
            format("GB", "GB", "\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3}", "GB123456789"),
            format("CH", "CHE", "\\d{9}(MWST|TVA|IVA)?", "CHE123456789MWST"),
            format("NO", "NO", "\\d{9}(MVA)?", "NO123456789MVA"));

    private static final Pattern NORTHERN_IRELAND = Pattern.compile("XI(\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3})");
    private static final Pattern OTHER = Pattern.compile("[A-Z0-9]{2,18}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-/]");

    private VatIds() {}

    private static Map.Entry<String, Format> format(String country, String prefix, String rest, String example) {
        return Map.entry(country, new Format(prefix, Pattern.compile(rest), example));
    }

    /** Capitals, without the spaces, dots, dashes and slashes people type: {@code de 123.456.789} is DE123456789. */
    public static String normalize(String vatId) {
        return SEPARATORS.matcher(vatId.trim().toUpperCase(Locale.ROOT)).replaceAll("");
    }

    /** {@code given} normalized (null stays null), or a refusal naming {@code field} with the expected form. */
    static String checked(String field, String country, String given) {
        if (given == null) {
            return null;
        }
        String vatId = normalize(given);
        Fields.refuseIf(field, problem(country, vatId));
        return vatId;
    }

    /**
     * Why {@code vatId} (normalized) is not a VAT ID of {@code country}; empty when its syntax is right.
     */
    public static Optional<String> problem(String country, String vatId) {
        Format format = FORMATS.get(country);
        if (format == null) {
            boolean ok = vatId.startsWith(country)
                    && OTHER.matcher(vatId.substring(country.length())).matches();
            return ok
                    ? Optional.empty()
                    : Optional.of("A tax number of " + country + " starts with " + country
                            + " followed by 2 to 18 letters or digits.");
        }
        if ("GB".equals(country) && NORTHERN_IRELAND.matcher(vatId).matches()) {
            return Optional.empty();
        }
        boolean ok = vatId.startsWith(format.prefix())
                && format.rest()
                        .matcher(vatId.substring(format.prefix().length()))
                        .matches();
        return ok
                ? Optional.empty()
                : Optional.of("'" + vatId + "' is not a VAT ID of " + country + ": it is written like "
                        + format.example() + ".");
    }
}
