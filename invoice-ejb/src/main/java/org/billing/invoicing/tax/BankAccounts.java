package org.billing.invoicing.tax;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/** IBAN (ISO 13616, with its check digits) and BIC (ISO 9362) as printed on an invoice for payment. */
final class BankAccounts {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private BankAccounts() {}

    /** Why {@code iban} (capitals, no spaces) is not an IBAN: its shape, or check digits that do not add up. */
    static Optional<String> ibanProblem(String iban) {
        if (!IBAN.matcher(iban).matches()) {
            return Optional.of("An IBAN is a country code, two check digits and 11 to 30 letters or digits.");
        }
        // ISO 13616: the first four characters moved to the end, letters as 10..35, the number mod 97 is 1.
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : moved.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1
                ? Optional.empty()
                : Optional.of("The check digits of IBAN " + iban + " do not match: a character is mistyped.");
    }

    static Optional<String> bicProblem(String bic) {
        return BIC.matcher(bic).matches()
                ? Optional.empty()
                : Optional.of("A BIC is 8 or 11 letters and digits, e.g. DEUTDEFF or DEUTDEFF500.");
    }
}
