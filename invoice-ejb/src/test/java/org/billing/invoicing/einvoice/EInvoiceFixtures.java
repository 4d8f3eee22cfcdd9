package org.billing.invoicing.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.billing.invoicing.einvoice.EInvoice.Line;
import org.billing.invoicing.einvoice.EInvoice.Party;
import org.billing.invoicing.einvoice.EInvoice.Period;
import org.billing.invoicing.einvoice.EInvoice.Reference;
import org.billing.invoicing.einvoice.EInvoice.Totals;
import org.billing.invoicing.einvoice.EInvoice.VatBreakdown;

/**
 * The e-invoices of the tests, every amount computed by hand (in the comments): a domestic customer at
 * 19 %, an EU reverse-charge customer, a customer outside the EU, a prepay customer, a credit note and a
 * self-billed invoice to a vendor.
 */
public final class EInvoiceFixtures {

    static final LocalDate ISSUED = LocalDate.of(2026, 11, 2);
    static final Period OCTOBER = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
    static final String REVERSE_CHARGE_NOTE =
            "Reverse charge: the buyer accounts for the VAT (Article 196 of Directive 2006/112/EC).";

    /** The platform operator, the seller of customer invoices. */
    public static final Party OPERATOR = new Party(
            "Carrier Networks GmbH",
            List.of("Friedrichstrasse 100", "3rd floor"),
            "Berlin",
            "10117",
            "DE",
            "DE123456789",
            "HRB 123456 B",
            "billing@carrier.example",
            "+49 30 1234567",
            "DE89370400440532013000",
            "COBADEFFXXX");

    static final Party DOMESTIC_BUYER = new Party(
            "Telco Berlin GmbH",
            List.of("Alexanderplatz 1"),
            "Berlin",
            "10178",
            "DE",
            "DE987654321",
            null,
            "ap@telco-berlin.example",
            null,
            null,
            null);

    static final Party EU_BUYER = new Party(
            "Voix Carrier SAS",
            List.of("12 rue de la Paix"),
            "Paris",
            "75002",
            "FR",
            "FR40303265045",
            "303 265 045 RCS Paris",
            "factures@voix.example",
            null,
            null,
            null);

    static final Party EXPORT_BUYER = new Party(
            "Pacific Telecom Inc.",
            List.of("500 Market Street", "Suite 200"),
            "San Francisco",
            "94105",
            "US",
            null,
            null,
            "payables@pacific.example",
            "+1 415 555 0100",
            null,
            null);

    static final Party VENDOR = new Party(
            "Hurtownia Glosu Sp. z o.o.",
            List.of("ul. Marszalkowska 1"),
            "Warszawa",
            "00-624",
            "PL",
            "PL5260001246",
            "KRS 0000012345",
            "faktury@glos.example",
            null,
            "PL61109010140000071219812874",
            "WBKPPLPP");

    private EInvoiceFixtures() {}

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private static final BigDecimal NINETEEN = new BigDecimal("19");

    /**
     * Domestic at 19 %: 100.00 + 23.45 = 123.45 taxable; 123.45 x 0.19 = 23.4555, VAT 23.46 (half-up and
     * half-even alike); gross 146.91, all of it due on 2026-12-02.
     */
    public static EInvoice domestic() {
        List<Line> lines = List.of(
                new Line(
                        "1",
                        "Calls to Germany, mobile",
                        money("2000"),
                        "MIN",
                        money("100.00"),
                        VatCategory.S,
                        NINETEEN),
                new Line("2", "Number rental", money("1"), "MON", money("23.45"), VatCategory.S, NINETEEN));
        List<VatBreakdown> vat =
                List.of(new VatBreakdown(VatCategory.S, NINETEEN, money("123.45"), money("23.46"), null, null));
        Totals totals = new Totals(
                money("123.45"), money("123.45"), money("23.46"), money("146.91"), money("0.00"), money("146.91"));
        return new EInvoice(
                "INV-2026-000101",
                DocumentType.INVOICE,
                ISSUED,
                LocalDate.of(2026, 12, 2),
                "EUR",
                "Telco Berlin / Carrier",
                null,
                null,
                OPERATOR,
                DOMESTIC_BUYER,
                lines,
                vat,
                totals,
                "30 days net",
                List.of(),
                OCTOBER);
    }

    /**
     * The same invoice to a prepay account: all 146.91 were paid in advance, nothing is due (no due
     * date needed, BR-CO-25).
     */
    public static EInvoice prepaid() {
        EInvoice invoice = domestic();
        Totals totals = new Totals(
                money("123.45"), money("123.45"), money("23.46"), money("146.91"), money("146.91"), money("0.00"));
        return new EInvoice(
                "INV-2026-000102",
                DocumentType.INVOICE,
                ISSUED,
                null,
                "EUR",
                null,
                null,
                null,
                OPERATOR,
                DOMESTIC_BUYER,
                invoice.lines(),
                invoice.vatBreakdown(),
                totals,
                null,
                List.of("Prepaid: the amount was paid from the account's balance."),
                OCTOBER);
    }

    /** EU reverse charge: 250.00 + 12.34 = 262.34, no VAT, 262.34 due. */
    public static EInvoice reverseCharge() {
        List<Line> lines = List.of(
                new Line(
                        "1",
                        "Calls to France, fixed",
                        money("5000"),
                        "MIN",
                        money("250.00"),
                        VatCategory.AE,
                        BigDecimal.ZERO),
                new Line("2", "Setup fee", money("1"), "C62", money("12.34"), VatCategory.AE, BigDecimal.ZERO));
        List<VatBreakdown> vat =
                List.of(VatBreakdown.withoutVat(VatCategory.AE, money("262.34"), "Reverse charge", "VATEX-EU-AE"));
        return new EInvoice(
                "INV-2026-000103",
                DocumentType.INVOICE,
                ISSUED,
                LocalDate.of(2026, 12, 2),
                "EUR",
                null,
                "PO 4711",
                null,
                OPERATOR,
                EU_BUYER,
                lines,
                vat,
                Totals.of(lines, vat, money("0.00")),
                null,
                List.of(REVERSE_CHARGE_NOTE),
                OCTOBER);
    }

    /**
     * Outside the scope of EU VAT, in US dollars: 80.00 of calls less 5.50 of reverse-billing earnings
     * (a negative quantity: the price stays positive) = 74.50, no VAT; neither party's VAT ID (BR-O-02).
     */
    public static EInvoice export() {
        List<Line> lines = List.of(
                new Line("1", "Calls to the USA", money("1600"), "MIN", money("80.00"), VatCategory.O, null),
                new Line("2", "Reverse-billing earnings", money("-110"), "MIN", money("-5.50"), VatCategory.O, null));
        List<VatBreakdown> vat =
                List.of(VatBreakdown.withoutVat(VatCategory.O, money("74.50"), "Not subject to VAT", "VATEX-EU-O"));
        return new EInvoice(
                "INV-2026-000104",
                DocumentType.INVOICE,
                ISSUED,
                LocalDate.of(2026, 12, 2),
                "USD",
                null,
                null,
                null,
                OPERATOR.withoutVatId(),
                EXPORT_BUYER,
                lines,
                vat,
                Totals.of(lines, vat, money("0.00")),
                null,
                List.of("Not subject to EU VAT: the service is supplied outside the EU."),
                OCTOBER);
    }

    /** The credit note of the domestic invoice, reversing all of it: 146.91 owed back. */
    public static EInvoice creditNote() {
        EInvoice original = domestic();
        return new EInvoice(
                "CN-2026-000001",
                DocumentType.CREDIT_NOTE,
                LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 12, 4),
                "EUR",
                original.buyerReference(),
                null,
                new Reference(original.number(), original.issueDate()),
                OPERATOR,
                DOMESTIC_BUYER,
                original.lines(),
                original.vatBreakdown(),
                original.totals(),
                "Refunded within 14 days",
                List.of("Credit note for invoice INV-2026-000101: the October traffic was billed twice."),
                OCTOBER);
    }

    /**
     * The platform paying a Polish vendor for terminated traffic: the operator (the buyer) issues the
     * invoice in the vendor's name (self-billing, Art. 224 and 226(10a)); a cross-border service
     * between businesses, so reverse charge: 300.00 + 0.49 = 300.49, no VAT.
     */
    public static EInvoice selfBilled() {
        List<Line> lines = List.of(
                new Line(
                        "1",
                        "Terminated calls, Poland mobile",
                        money("6000"),
                        "MIN",
                        money("300.00"),
                        VatCategory.AE,
                        BigDecimal.ZERO),
                new Line(
                        "2",
                        "Terminated calls, Poland fixed",
                        money("49"),
                        "MIN",
                        money("0.49"),
                        VatCategory.AE,
                        BigDecimal.ZERO));
        List<VatBreakdown> vat =
                List.of(VatBreakdown.withoutVat(VatCategory.AE, money("300.49"), "Reverse charge", "VATEX-EU-AE"));
        return new EInvoice(
                "SB-2026-000001",
                DocumentType.SELF_BILLED,
                ISSUED,
                LocalDate.of(2026, 11, 16),
                "EUR",
                null,
                null,
                null,
                VENDOR,
                OPERATOR,
                lines,
                vat,
                Totals.of(lines, vat, money("0.00")),
                null,
                List.of("Self-billing", REVERSE_CHARGE_NOTE),
                OCTOBER);
    }

    /**
     * The platform paying a German vendor, self-billed at 19 %, as EInvoiceMapper makes it: the vendor
     * sells, the operator buys and names no account of its own to pay to. Terminated calls 250.00, less
     * what the vendor's reverse-billing dialpeers charged, 12.34: 237.66 taxable; 237.66 x 0.19 = 45.1554,
     * VAT 45.16; 282.82 due.
     */
    public static EInvoice selfBilledDomestic() {
        List<Line> lines = List.of(
                new Line("1", "Terminated calls", money("1"), "C62", money("250.00"), VatCategory.S, NINETEEN),
                new Line(
                        "2",
                        "Terminated calls from reverse-billing dialpeers (charged)",
                        money("-1"),
                        "C62",
                        money("-12.34"),
                        VatCategory.S,
                        NINETEEN));
        List<VatBreakdown> vat =
                List.of(new VatBreakdown(VatCategory.S, NINETEEN, money("237.66"), money("45.16"), null, null));
        return new EInvoice(
                "SB-2026-000002",
                DocumentType.SELF_BILLED,
                ISSUED,
                LocalDate.of(2026, 11, 16),
                "EUR",
                null,
                null,
                null,
                DOMESTIC_BUYER.withoutAccount(),
                OPERATOR.withoutAccount(),
                lines,
                vat,
                Totals.of(lines, vat, money("0.00")),
                null,
                List.of("Self-billing"),
                OCTOBER);
    }

    /** The credit note (261) of {@link #selfBilledDomestic()}, reversing all of it: 282.82 owed back. */
    public static EInvoice selfBilledCreditNote() {
        EInvoice original = selfBilledDomestic();
        return new EInvoice(
                "CN-2026-000002",
                DocumentType.SELF_BILLED_CREDIT_NOTE,
                LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 12, 4),
                "EUR",
                null,
                null,
                new Reference(original.number(), original.issueDate()),
                original.seller(),
                original.buyer(),
                original.lines(),
                original.vatBreakdown(),
                original.totals(),
                null,
                List.of("Self-billing"),
                OCTOBER);
    }

    /** Every fixture, named. */
    public static List<EInvoice> all() {
        return List.of(
                domestic(),
                prepaid(),
                reverseCharge(),
                export(),
                creditNote(),
                selfBilled(),
                selfBilledDomestic(),
                selfBilledCreditNote());
    }
}
