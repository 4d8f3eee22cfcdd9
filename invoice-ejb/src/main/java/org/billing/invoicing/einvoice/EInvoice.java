package org.billing.invoicing.einvoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An invoice as EN 16931 (the European e-invoicing standard) sees it: what {@link UblWriter} and
 * {@link CiiWriter} write, whatever the syntax. A pure value: its amounts are the legal ones, already
 * rounded to the currency's minor unit by whoever made it; nothing here computes VAT. The constructor
 * refuses a value the official validation would reject (the business rules BR-CO, BR-S, BR-AE, BR-O,
 * ... named in each message), so a mistake fails where it is made, not in an accountant's validator.
 *
 * <p>A credit note's amounts are positive, as the standard wants: type 381 says they are owed back.
 * A line with a negative amount (reverse-billing earnings) has a negative quantity, since an item's
 * price is never negative (BR-27).
 *
 * @param number the invoice number (BT-1)
 * @param type invoice, credit note or self-billed invoice (BT-3)
 * @param issueDate BT-2
 * @param dueDate BT-9; with an amount to pay, it or the payment terms are required (BR-CO-25)
 * @param currency the ISO 4217 code of every amount (BT-5)
 * @param buyerReference BT-10, or null
 * @param purchaseOrder the buyer's order reference (BT-13), or null
 * @param precedingInvoice the invoice a credit note reverses (BG-3); required for a credit note
 * @param seller BG-4
 * @param buyer BG-7
 * @param lines BG-25, at least one
 * @param vatBreakdown BG-23: one entry per VAT category and rate of the lines
 * @param totals BG-22
 * @param paymentTerms BT-20 as text, or null
 * @param notes BT-22: the tax note (reverse charge, exemption) among them
 * @param period the invoicing period (BG-14), or null
 */
public record EInvoice(
        String number,
        DocumentType type,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        String buyerReference,
        String purchaseOrder,
        Reference precedingInvoice,
        Party seller,
        Party buyer,
        List<Line> lines,
        List<VatBreakdown> vatBreakdown,
        Totals totals,
        String paymentTerms,
        List<String> notes,
        Period period) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** Half a cent: a VAT amount is its base times the rate rounded to two decimals, half-up or half-even. */
    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");

    public EInvoice {
        required(number, "the invoice number (BT-1)");
        Objects.requireNonNull(type, "the document type (BT-3)");
        Objects.requireNonNull(issueDate, "the issue date (BT-2)");
        required(currency, "the currency (BT-5)");
        Objects.requireNonNull(seller, "the seller (BG-4)");
        Objects.requireNonNull(buyer, "the buyer (BG-7)");
        Objects.requireNonNull(totals, "the totals (BG-22)");
        lines = List.copyOf(Objects.requireNonNull(lines, "the lines (BG-25)"));
        vatBreakdown = List.copyOf(Objects.requireNonNull(vatBreakdown, "the VAT breakdown (BG-23)"));
        notes = notes == null ? List.of() : List.copyOf(notes);
        buyerReference = blankToNull(buyerReference);
        purchaseOrder = blankToNull(purchaseOrder);
        paymentTerms = blankToNull(paymentTerms);

        String what = "E-invoice " + number + ": ";
        check(CURRENCY.matcher(currency).matches(), what + "the currency is an ISO 4217 code, not '" + currency + "'");
        check(!lines.isEmpty(), what + "an invoice has at least one line (BR-16)");
        check(!vatBreakdown.isEmpty(), what + "an invoice has a VAT breakdown (BR-CO-18)");
        check(
                !type.isCreditNote() || precedingInvoice != null,
                what + "a credit note names the invoice it reverses (BG-3)");
        check(
                dueDate == null || !dueDate.isBefore(issueDate),
                what + "the due date " + dueDate + " is before the issue date " + issueDate);

        BigDecimal lineTotal = BigDecimal.ZERO;
        Set<String> lineIds = new HashSet<>();
        Map<VatKey, BigDecimal> taxableByKey = new LinkedHashMap<>();
        for (Line line : lines) {
            check(lineIds.add(line.id()), what + "two lines have the id " + line.id() + " (BR-21)");
            lineTotal = lineTotal.add(line.netAmount());
            taxableByKey.merge(new VatKey(line.vatCategory(), line.vatRate()), line.netAmount(), BigDecimal::add);
        }

        Map<VatKey, VatBreakdown> breakdownByKey = new LinkedHashMap<>();
        BigDecimal vatTotal = BigDecimal.ZERO;
        for (VatBreakdown entry : vatBreakdown) {
            VatKey key = new VatKey(entry.category(), entry.rate());
            check(
                    breakdownByKey.put(key, entry) == null,
                    what + "the VAT breakdown names " + key + " twice (BR-CO-18)");
            BigDecimal taxable = taxableByKey.get(key);
            check(taxable != null, what + "the VAT breakdown has " + key + " but no line has it");
            check(
                    taxable.compareTo(entry.taxableAmount()) == 0,
                    what + "the taxable amount of " + key + " is " + plain(entry.taxableAmount())
                            + " but its lines add up to " + plain(taxable) + " (BR-" + entry.category() + "-08)");
            vatTotal = vatTotal.add(entry.vatAmount());
        }
        for (VatKey key : taxableByKey.keySet()) {
            check(
                    breakdownByKey.containsKey(key),
                    what + "lines have " + key + " but the VAT breakdown does not (BR-" + key.category() + "-01)");
        }

        Set<VatCategory> categories = EnumSet.noneOf(VatCategory.class);
        taxableByKey.keySet().forEach(key -> categories.add(key.category()));
        if (categories.contains(VatCategory.O)) {
            check(
                    categories.size() == 1,
                    what + "an invoice not subject to VAT (O) has no line of another VAT category (BR-O-11)");
            check(
                    seller.vatId() == null && buyer.vatId() == null,
                    what + "an invoice not subject to VAT (O) carries neither the seller's nor the buyer's VAT ID"
                            + " (BR-O-02)");
        } else {
            check(
                    seller.vatId() != null,
                    what + "the seller's VAT ID is required with VAT category " + categories + " (BR-"
                            + categories.iterator().next() + "-02)");
        }
        check(
                !categories.contains(VatCategory.AE) || buyer.vatId() != null,
                what + "a reverse-charge invoice (AE) names the buyer's VAT ID (BR-AE-02)");
        check(
                seller.vatId() != null || seller.registrationId() != null,
                what + "the seller has a VAT ID or a legal registration identifier (BR-CO-26)");

        check(
                totals.lineTotal().compareTo(lineTotal) == 0,
                what + "the line total is " + plain(totals.lineTotal()) + " but the lines add up to " + plain(lineTotal)
                        + " (BR-CO-10)");
        check(
                totals.taxExclusive().compareTo(totals.lineTotal()) == 0,
                what + "without document allowances or charges the total without VAT equals the line total"
                        + " (BR-CO-13)");
        check(
                totals.vatTotal().compareTo(vatTotal) == 0,
                what + "the VAT total is " + plain(totals.vatTotal()) + " but the VAT breakdown adds up to "
                        + plain(vatTotal) + " (BR-CO-14)");
        check(
                totals.taxInclusive().compareTo(totals.taxExclusive().add(totals.vatTotal())) == 0,
                what + "the total with VAT " + plain(totals.taxInclusive()) + " is not the total without VAT plus"
                        + " the VAT (BR-CO-15)");
        check(
                totals.payable().compareTo(totals.taxInclusive().subtract(totals.prepaid())) == 0,
                what + "the amount due " + plain(totals.payable()) + " is not the total with VAT less the prepaid"
                        + " amount (BR-CO-16)");
        check(
                totals.payable().signum() <= 0 || dueDate != null || paymentTerms != null,
                what + "an amount due needs a due date or payment terms (BR-CO-25)");
    }

    /**
     * A trading party (BG-4 seller, BG-7 buyer).
     *
     * @param name the legal name (BT-27, BT-44)
     * @param addressLines up to three address lines (BT-35, BT-36, BT-162)
     * @param countryCode ISO 3166-1 alpha-2 (BT-40, BT-55)
     * @param vatId the VAT identifier with its country prefix (BT-31, BT-48), or null
     * @param registrationId the company registration (BT-30, BT-47), or null
     * @param iban the account to pay to (BT-84); of the seller only
     * @param bic BT-86, or null
     */
    public record Party(
            String name,
            List<String> addressLines,
            String city,
            String postcode,
            String countryCode,
            String vatId,
            String registrationId,
            String email,
            String phone,
            String iban,
            String bic) {

        public Party {
            required(name, "a party's name (BT-27, BT-44)");
            required(countryCode, "the country of " + name + " (BT-40, BT-55)");
            check(
                    COUNTRY.matcher(countryCode).matches(),
                    "The country of " + name + " is an ISO 3166 alpha-2 code, not '" + countryCode + "'");
            addressLines = addressLines == null
                    ? List.of()
                    : addressLines.stream()
                            .filter(line -> line != null && !line.isBlank())
                            .map(String::strip)
                            .toList();
            check(addressLines.size() <= 3, "The address of " + name + " has at most three lines");
            city = blankToNull(city);
            postcode = blankToNull(postcode);
            vatId = blankToNull(vatId);
            registrationId = blankToNull(registrationId);
            email = blankToNull(email);
            phone = blankToNull(phone);
            iban = blankToNull(iban);
            bic = blankToNull(bic);
        }

        /** The same party without VAT ID: a buyer outside the scope of VAT (BR-O-02). */
        public Party withoutVatId() {
            return new Party(
                    name, addressLines, city, postcode, countryCode, null, registrationId, email, phone, iban, bic);
        }

        /** The same party without a bank account: a buyer, who is not paid (the operator of a self-billed invoice). */
        public Party withoutAccount() {
            return new Party(
                    name, addressLines, city, postcode, countryCode, vatId, registrationId, email, phone, null, null);
        }

        boolean hasContact() {
            return email != null || phone != null;
        }
    }

    /**
     * An invoice line (BG-25).
     *
     * @param id BT-126, unique in the invoice
     * @param name the item's name (BT-153)
     * @param quantity BT-129: not zero; negative on a line with a negative amount
     * @param unitCode UN/ECE Rec 20 (BT-130): {@code C62} one, {@code MIN} minute, {@code MON} month
     * @param netAmount BT-131, two decimals at most
     * @param vatCategory BT-151
     * @param vatRate BT-152 in percent; null for O (BR-O-05), zero for Z, E and AE
     */
    public record Line(
            String id,
            String name,
            BigDecimal quantity,
            String unitCode,
            BigDecimal netAmount,
            VatCategory vatCategory,
            BigDecimal vatRate) {

        public Line {
            required(id, "a line's id (BT-126)");
            required(name, "the item name of line " + id + " (BT-153)");
            required(unitCode, "the unit of line " + id + " (BT-130)");
            Objects.requireNonNull(quantity, "the quantity of line " + id + " (BT-129)");
            amount(netAmount, "the net amount of line " + id + " (BT-131)");
            Objects.requireNonNull(vatCategory, "the VAT category of line " + id + " (BT-151)");
            checkRate(vatCategory, vatRate, "line " + id);
            check(quantity.signum() != 0, "Line " + id + ": the quantity is not zero");
            check(
                    netAmount.signum() == 0 || netAmount.signum() == quantity.signum(),
                    "Line " + id + ": a negative amount has a negative quantity, the price is never negative (BR-27)");
        }

        /** The item net price (BT-146): the amount per unit, never negative. */
        public BigDecimal price() {
            BigDecimal price = netAmount.divide(quantity, 6, RoundingMode.HALF_UP);
            return price.signum() == 0 ? BigDecimal.ZERO : price.stripTrailingZeros();
        }
    }

    /**
     * One VAT category and rate of the breakdown (BG-23).
     *
     * @param category BT-118
     * @param rate BT-119 in percent; null for O
     * @param taxableAmount BT-116: the lines' net amounts of this category and rate
     * @param vatAmount BT-117: the taxable amount times the rate, rounded to two decimals (BR-CO-17)
     * @param exemptionReason BT-120, e.g. {@code Reverse charge}; required with its code for E, AE, O
     * @param exemptionReasonCode BT-121 from the VATEX list, e.g. {@code VATEX-EU-AE}, {@code VATEX-EU-O}
     */
    public record VatBreakdown(
            VatCategory category,
            BigDecimal rate,
            BigDecimal taxableAmount,
            BigDecimal vatAmount,
            String exemptionReason,
            String exemptionReasonCode) {

        public VatBreakdown {
            Objects.requireNonNull(category, "the VAT category of a breakdown (BT-118)");
            checkRate(category, rate, "the VAT breakdown " + category);
            amount(taxableAmount, "the taxable amount of " + category + " (BT-116)");
            amount(vatAmount, "the VAT amount of " + category + " (BT-117)");
            exemptionReason = blankToNull(exemptionReason);
            exemptionReasonCode = blankToNull(exemptionReasonCode);
            boolean hasReason = exemptionReason != null || exemptionReasonCode != null;
            check(
                    hasReason == category.needsExemptionReason(),
                    category.needsExemptionReason()
                            ? "VAT category " + category + " needs an exemption reason or its code (BR-" + category
                                    + "-10)"
                            : "VAT category " + category + " has no exemption reason (BR-" + category + "-10)");
            if (category == VatCategory.S) {
                BigDecimal exact = taxableAmount.multiply(rate).movePointLeft(2);
                check(
                        exact.subtract(vatAmount).abs().compareTo(HALF_CENT) <= 0,
                        "The VAT of " + plain(taxableAmount) + " at " + plain(rate) + " % is " + exact
                                + " rounded to two decimals, not " + plain(vatAmount) + " (BR-CO-17)");
            } else {
                check(
                        vatAmount.signum() == 0,
                        "VAT category " + category + " has no VAT amount, not " + plain(vatAmount) + " (BR-" + category
                                + "-09)");
            }
        }

        /** A breakdown entry without VAT: categories Z (no reason), E, AE and O (with one). */
        public static VatBreakdown withoutVat(
                VatCategory category, BigDecimal taxableAmount, String exemptionReason, String exemptionReasonCode) {
            return new VatBreakdown(
                    category,
                    category == VatCategory.O ? null : BigDecimal.ZERO,
                    taxableAmount,
                    BigDecimal.ZERO.setScale(2),
                    exemptionReason,
                    exemptionReasonCode);
        }
    }

    /**
     * The document totals (BG-22). No document-level allowances or charges: the total without VAT is the
     * line total.
     *
     * @param lineTotal BT-106
     * @param taxExclusive BT-109
     * @param vatTotal BT-110
     * @param taxInclusive BT-112
     * @param prepaid BT-113 (zero when nothing was paid in advance)
     * @param payable BT-115
     */
    public record Totals(
            BigDecimal lineTotal,
            BigDecimal taxExclusive,
            BigDecimal vatTotal,
            BigDecimal taxInclusive,
            BigDecimal prepaid,
            BigDecimal payable) {

        public Totals {
            amount(lineTotal, "the line total (BT-106)");
            amount(taxExclusive, "the total without VAT (BT-109)");
            amount(vatTotal, "the VAT total (BT-110)");
            amount(taxInclusive, "the total with VAT (BT-112)");
            amount(prepaid, "the prepaid amount (BT-113)");
            amount(payable, "the amount due (BT-115)");
        }

        /** The totals the lines and the breakdown add up to, less what was prepaid. */
        public static Totals of(List<Line> lines, List<VatBreakdown> breakdown, BigDecimal prepaid) {
            BigDecimal net = lines.stream().map(Line::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal vat = breakdown.stream().map(VatBreakdown::vatAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal gross = net.add(vat);
            return new Totals(net, net, vat, gross, prepaid, gross.subtract(prepaid));
        }
    }

    /** A reference to an earlier invoice (BT-25, BT-26). */
    public record Reference(String number, LocalDate issueDate) {

        public Reference {
            required(number, "the number of the preceding invoice (BT-25)");
        }
    }

    /** The invoicing period, both days included (BT-73, BT-74). */
    public record Period(LocalDate start, LocalDate end) {

        public Period {
            Objects.requireNonNull(start, "the period's start (BT-73)");
            Objects.requireNonNull(end, "the period's end (BT-74)");
            check(!end.isBefore(start), "The period ends (" + end + ") before it starts (" + start + ") (BR-29)");
        }
    }

    /** A VAT category with its rate: what lines and breakdown entries are matched by. */
    private record VatKey(VatCategory category, BigDecimal rate) {

        VatKey {
            rate = rate == null ? null : rate.stripTrailingZeros();
        }

        @Override
        public String toString() {
            return rate == null ? category.name() : category + " " + rate.toPlainString() + " %";
        }
    }

    private static void checkRate(VatCategory category, BigDecimal rate, String where) {
        switch (category) {
            case O -> check(rate == null, "The VAT category O of " + where + " has no rate (BR-O-05)");
            case S ->
                check(
                        rate != null && rate.signum() > 0,
                        "The VAT category S of " + where + " has a rate above zero (BR-S-05)");
            default ->
                check(
                        rate != null && rate.signum() == 0,
                        "The VAT category " + category + " of " + where + " has the rate 0 (BR-" + category + "-05)");
        }
    }

    private static void amount(BigDecimal amount, String what) {
        Objects.requireNonNull(amount, what);
        check(amount.scale() <= 2, capitalized(what) + " has at most two decimals, not " + amount + " (BR-DEC)");
    }

    private static void required(String value, String what) {
        check(value != null && !value.isBlank(), capitalized(what) + " is required");
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
