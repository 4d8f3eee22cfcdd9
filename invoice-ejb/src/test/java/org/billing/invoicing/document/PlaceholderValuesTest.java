package org.billing.invoicing.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceKind;
import org.billing.invoicing.invoice.InvoiceView;
import org.billing.invoicing.invoice.ServiceLine;
import org.junit.jupiter.api.Test;

/** Every placeholder's value and format from the fixture invoice; each expectation worked out by hand. */
class PlaceholderValuesTest {

    @Test
    void everyScalarPlaceholderFromTheFixtureInvoice() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("A_NAME", "Acme wholesale");
        expected.put("A_BALANCE", "-20.005");
        expected.put("A_BALANCE_D", "-20.01"); // half-up rounds the half away from zero
        expected.put("A_MIN_BALANCE", "-100");
        expected.put("A_MIN_BALANCE_D", "-100.00");
        expected.put("A_MAX_BALANCE", ""); // no maximum set
        expected.put("A_MAX_BALANCE_D", "");
        expected.put("A_INV_PERIOD", "Manual");
        expected.put("C_NAME", "<b>&\"x\" Telecom");
        expected.put("C_ADDRESS", "Hauptstr. 1\n10115 Berlin");
        expected.put("C_PHONES", "+49 30 1234");
        expected.put("I_ID", "51");
        expected.put("I_REF", "INV-2026-000001");
        expected.put("I_CREATED_AT", "2026-04-01 09:30:00");
        expected.put("I_START_DATE", "2026-03-01");
        expected.put("I_END_DATE", "2026-03-31"); // the last day, included whole
        expected.put("I_TOTAL", "10.565");
        expected.put("I_TOTAL_D", "10.57");
        expected.put("I_SPENT", "12.3449");
        expected.put("I_SPENT_D", "12.34");
        expected.put("I_EARNED", "1.7799");
        expected.put("I_EARNED_D", "1.78");
        expected.put("I_ORIG_CALLS_COUNT", "7");
        expected.put("I_ORIG_SUCCESSFUL_CALLS_COUNT", "5");
        expected.put("I_ORIG_CALLS_DURATIONM", "01:02"); // 3,725 s = 1 h 2 min 5 s
        expected.put("I_ORIG_CALLS_DURATION_D", "62.08"); // 3,725 / 60 = 62.0833
        expected.put("I_ORIG_CALLS_DURATION_DEC", "62.08");
        expected.put("I_ORIG_CALLS_DURATION", "3725");
        expected.put("I_ORIG_FIRST_CALL_AT", "2026-03-01 00:00:05");
        expected.put("I_ORIG_LAST_CALL_AT", "2026-03-31 23:59:59"); // summer time by then, still local
        expected.put("I_ORIG_SPENT", "11.3449");
        expected.put("I_ORIG_SPENT_D", "11.34");
        expected.put("I_ORIG_EARNED", "1.2799");
        expected.put("I_ORIG_EARNED_D", "1.28");
        // A Customer invoice: the terminated side prints zero or empty.
        expected.put("I_TERM_CALLS_COUNT", "0");
        expected.put("I_TERM_SUCCESSFUL_CALLS_COUNT", "0");
        expected.put("I_TERM_CALLS_DURATIONM", "00:00");
        expected.put("I_TERM_CALLS_DURATION_DEC", "0.00");
        expected.put("I_TERM_CALLS_DURATION_D", "0.00");
        expected.put("I_TERM_CALLS_DURATION", "0");
        expected.put("I_TERM_FIRST_CALL_AT", "");
        expected.put("I_TERM_LAST_CALL_AT", "");
        expected.put("I_TERM_SPENT", "0");
        expected.put("I_TERM_SPENT_D", "0.00");
        expected.put("I_TERM_EARNED", "0");
        expected.put("I_TERM_EARNED_D", "0.00");
        expected.put("I_SRV_SPENT", "1");
        expected.put("I_SRV_SPENT_D", "1.00");
        expected.put("I_SRV_EARNED", "0.5");
        expected.put("I_SRV_EARNED_D", "0.50");
        expected.put("T_SRV_TRANSACTIONS_COUNT", "3");
        // Issue 13: what the document is, and the invoice it corrects (none for an invoice).
        expected.put("I_KIND", "Invoice");
        expected.put("I_ORIGINAL_REF", "");

        Map<String, String> values = PlaceholderValues.scalars(DocumentFixtures.data());

        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(values.keySet()));
        expected.forEach((name, value) -> assertEquals(value, values.get(name), name));
        assertEquals(49, Placeholders.SCALARS.size());
        assertEquals(
                53,
                values.size(),
                "49 placeholders, the second spelling of two durations, and the kind and"
                        + " original of a correcting document");
    }

    @Test
    void aCorrectingDocumentNamesTheInvoiceItCorrects() {
        DocumentData data = DocumentFixtures.data();
        DocumentData supplementary = new DocumentData(
                data.invoice(),
                data.accountBalance(),
                data.accountMinBalance(),
                data.accountMaxBalance(),
                data.invoicePeriod(),
                data.contractorAddress(),
                data.contractorPhones(),
                data.tables(),
                false,
                "INV-2026-000007");

        assertEquals("INV-2026-000007", PlaceholderValues.scalars(supplementary).get("I_ORIGINAL_REF"));
        assertTrue(Placeholders.isScalar("I_KIND") && Placeholders.isScalar("I_ORIGINAL_REF"));
    }

    /** Issue 12: the seller, the buyer's tax identity and the legal totals, as the invoice copied them. */
    @Test
    void everyLegalPlaceholderFromTheFixtureInvoice() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("S_NAME", "Northwind Carrier Services GmbH");
        expected.put("S_ADDRESS", "Friedrichstraße 100, 10117 Berlin, DE");
        expected.put("S_STREET", "Friedrichstraße 100");
        expected.put("S_POSTAL_CODE", "10117");
        expected.put("S_CITY", "Berlin");
        expected.put("S_COUNTRY", "DE");
        expected.put("S_VAT_ID", "DE123456789");
        expected.put("S_REGISTRATION", "HRB 123456 B");
        expected.put("S_EMAIL", "billing@northwind-carrier.example");
        expected.put("S_PHONE", "+49 30 5550 100");
        expected.put("S_IBAN", "DE89370400440532013000");
        expected.put("S_BIC", "COBADEFFXXX");
        expected.put("C_VAT_ID", "DE987654321");
        expected.put("C_COUNTRY", "DE");
        expected.put("C_REFERENCE", "PO-4711");
        expected.put("I_CURRENCY", "EUR");
        expected.put("I_TAX_TREATMENT", "Domestic VAT");
        // Printed as stored, already rounded to the cent when the invoice was made (worked out in legalInvoice).
        expected.put("I_NET_TOTAL", "10.93");
        expected.put("I_VAT_TOTAL", "2.08");
        expected.put("I_GROSS_TOTAL", "13.01");
        expected.put("I_PREPAID_AMOUNT", "0.00");
        expected.put("I_AMOUNT_DUE", "13.01");
        expected.put("I_DUE_DATE", "2026-04-15");
        expected.put("I_TAX_NOTE", ""); // domestic VAT: no note
        expected.put("I_DOCUMENT_TYPE", "Invoice");
        expected.put(
                "I_PAYMENT",
                "Please pay 13.01 EUR by 2026-04-15 to Northwind Carrier Services GmbH, IBAN DE89370400440532013000,"
                        + " BIC COBADEFFXXX, quoting invoice INV-2026-000001.");

        Map<String, String> values = PlaceholderValues.legalScalars(DocumentFixtures.legalData());

        assertEquals(expected, values);
        assertEquals(Placeholders.LEGAL_SCALARS, List.copyOf(values.keySet()));
        assertTrue(Placeholders.LEGAL_SCALARS.stream().allMatch(Placeholders::isScalar));
        assertTrue(Placeholders.LEGAL_SCALARS.stream().noneMatch(Placeholders.SCALARS::contains));
    }

    @Test
    void anInvoiceMadeBeforeIssue12PrintsTheLegalPlaceholdersEmpty() {
        Map<String, String> values = PlaceholderValues.legalScalars(DocumentFixtures.data());
        assertEquals("EUR", values.get("I_CURRENCY"));
        values.remove("I_CURRENCY");
        assertEquals("Invoice", values.remove("I_DOCUMENT_TYPE"), "what the document is, always known");
        assertTrue(values.values().stream().allMatch(String::isEmpty), values.toString());
    }

    /** A self-billed invoice says so in its title and its note (Art. 226(10a) Directive 2006/112/EC). */
    @Test
    void aSelfBilledInvoiceAndItsCreditNoteSayTheyAreSelfBilled() {
        InvoiceView legal = DocumentFixtures.legalInvoice();
        InvoiceView invoice = selfBilled(legal, InvoiceKind.INVOICE, "Self-billing");
        InvoiceView note = selfBilled(legal, InvoiceKind.CREDIT_NOTE, "Self-billing");

        Map<String, String> values = PlaceholderValues.legalScalars(withInvoice(invoice));
        assertEquals("Self-billed invoice", values.get("I_DOCUMENT_TYPE"));
        assertEquals("Self-billing", values.get("I_TAX_NOTE"));
        assertEquals("Invoice", PlaceholderValues.scalars(withInvoice(invoice)).get("I_KIND"), "unchanged");
        assertEquals(
                "Self-billed credit note",
                PlaceholderValues.legalScalars(withInvoice(note)).get("I_DOCUMENT_TYPE"));
    }

    /**
     * Who pays whom is worded for what the document is: on the vendor side the operator pays the account
     * (self-billed or a statement), a credit note asks for nothing, a prepaid invoice neither.
     */
    @Test
    void thePaymentLineSaysWhoPaysWhom() {
        InvoiceView legal = DocumentFixtures.legalInvoice();

        assertEquals(
                "Northwind Carrier Services GmbH pays 13.01 EUR to <b>&\"x\" Telecom by 2026-04-15,"
                        + " quoting invoice INV-2026-000001.",
                PlaceholderValues.legalScalars(withInvoice(selfBilled(legal, InvoiceKind.INVOICE, "Self-billing")))
                        .get("I_PAYMENT"));
        assertEquals(
                "Nothing is to be paid with this credit note: it reverses an issued invoice, and its 13.01 EUR"
                        + " is set off against the account.",
                PlaceholderValues.legalScalars(withInvoice(selfBilled(legal, InvoiceKind.CREDIT_NOTE, "Self-billing")))
                        .get("I_PAYMENT"));

        InvoiceView prepaid = DocumentFixtures.withLegal(
                legal,
                Direction.CUSTOMER,
                InvoiceKind.INVOICE,
                legal.number(),
                legal.creditedInvoiceId(),
                legal.seller(),
                legal.buyer(),
                legal.taxTreatment(),
                legal.vatRate(),
                legal.lines(),
                legal.vatBreakdown(),
                legal.netTotal(),
                legal.vatTotal(),
                legal.grossTotal(),
                new BigDecimal("13.01"),
                new BigDecimal("0.00"),
                legal.dueDate(),
                legal.taxNote(),
                false);
        assertEquals(
                "Nothing is to be paid: the amount was prepaid.",
                PlaceholderValues.legalScalars(withInvoice(prepaid)).get("I_PAYMENT"));
    }

    private static InvoiceView selfBilled(InvoiceView v, InvoiceKind kind, String taxNote) {
        return DocumentFixtures.withLegal(
                v,
                Direction.VENDOR,
                kind,
                v.number(),
                v.creditedInvoiceId(),
                v.seller(),
                v.buyer(),
                v.taxTreatment(),
                v.vatRate(),
                v.lines(),
                v.vatBreakdown(),
                v.netTotal(),
                v.vatTotal(),
                v.grossTotal(),
                v.prepaidAmount(),
                v.amountDue(),
                v.dueDate(),
                taxNote,
                true);
    }

    private static DocumentData withInvoice(InvoiceView invoice) {
        DocumentData data = DocumentFixtures.legalData();
        return new DocumentData(
                invoice,
                data.accountBalance(),
                data.accountMinBalance(),
                data.accountMaxBalance(),
                data.invoicePeriod(),
                data.contractorAddress(),
                data.contractorPhones(),
                data.tables(),
                false);
    }

    @Test
    void everyColumnOfATaxRowAndALegalLine() {
        DocumentData data = DocumentFixtures.legalData();
        assertEquals(
                Map.of(
                        "VAT_CATEGORY", "S",
                        "VAT_RATE", "19",
                        "TAXABLE_AMOUNT", "10.93",
                        "VAT_AMOUNT", "2.08",
                        "EXEMPTION_REASON", ""),
                PlaceholderValues.row(data.rows(Placeholders.TAX_TABLE).get(0)));
        assertEquals(
                Map.of(
                        "LINE_NO", "4",
                        "DESCRIPTION", "Service: Refund",
                        "NET_AMOUNT", "-0.13",
                        "VAT_CATEGORY", "S",
                        "VAT_RATE", "19"),
                PlaceholderValues.row(data.rows(Placeholders.TAX_LINES_TABLE).get(3)));
        assertEquals(List.of(), DocumentFixtures.data().rows(Placeholders.TAX_TABLE));
        assertEquals(
                Placeholders.TAX_COLUMNS,
                Placeholders.columnsOf("INV_TAX_TABLE").orElseThrow());
    }

    @Test
    void everyColumnOfACallRow() {
        Map<String, String> values =
                PlaceholderValues.row(DocumentFixtures.line("49151", "DE Mobile", "0.0650", 3, 3_600, "3.9"));

        assertEquals(
                Map.ofEntries(
                        Map.entry("DST_PREFIX", "49151"),
                        Map.entry("COUNTRY", "Germany"),
                        Map.entry("NETWORK", "DE Mobile"),
                        Map.entry("RATE", "0.065"),
                        Map.entry("CALLS_COUNT", "3"),
                        Map.entry("SUCCESSFUL_CALLS_COUNT", "2"),
                        Map.entry("CALLS_DURATION", "3600"),
                        Map.entry("CALLS_DURATIONM", "60:00"), // MM:SS, minutes past 60
                        Map.entry("CALLS_DURATION_DEC", "60.00"),
                        Map.entry("AMOUNT", "3.9"),
                        Map.entry("AMOUNT_DECORATED", "3.90"),
                        Map.entry("FIRST_CALL_AT", "2026-03-02 08:00:01"),
                        Map.entry("LAST_CALL_AT", "2026-03-30 18:15:00")),
                values);
    }

    @Test
    void aNetworkRowHasNoPrefixAndShortDurationsRound() {
        Map<String, String> values =
                PlaceholderValues.row(DocumentFixtures.line(null, "DE Fixed", "0.0100", 4, 125, "0.02083"));
        assertEquals("", values.get("DST_PREFIX"));
        assertEquals("02:05", values.get("CALLS_DURATIONM"));
        assertEquals("2.08", values.get("CALLS_DURATION_DEC")); // 125 / 60 = 2.0833
        assertEquals("0.02083", values.get("AMOUNT"));
        assertEquals("0.02", values.get("AMOUNT_DECORATED"));
        assertEquals("0.01", values.get("RATE"));
    }

    @Test
    void everyColumnOfAServiceRowARefundNegative() {
        assertEquals(
                Map.of("SERVICE", "Refund", "TRANSACTIONS_COUNT", "1", "AMOUNT", "-0.125", "AMOUNT_DECORATED", "-0.13"),
                PlaceholderValues.row(new ServiceLine(2, "Refund", 1, new BigDecimal("-0.125"))));
    }

    @Test
    void aPreviewedPendingInvoiceIsADraft() {
        DocumentData data = DocumentFixtures.data();
        DocumentData draft = new DocumentData(data.invoice(), null, null, null, null, null, null, data.tables(), true);
        assertEquals(
                PlaceholderValues.DRAFT_REFERENCE,
                PlaceholderValues.scalars(draft).get("I_REF"));
    }

    @Test
    void formats() {
        assertEquals("0.13", Formats.money(new BigDecimal("0.125")));
        assertEquals("0.12", Formats.money(new BigDecimal("0.1249999")));
        assertEquals("-0.13", Formats.money(new BigDecimal("-0.125")));
        assertEquals("0.00", Formats.money(new BigDecimal("-0.004")));
        assertEquals("0", Formats.raw(new BigDecimal("0.0000")));
        assertEquals("1200", Formats.raw(new BigDecimal("1.2E+3")));
        assertEquals("125:07", Formats.hoursMinutes(125 * 3_600 + 7 * 60 + 59));
        assertEquals("00:59", Formats.minutesSeconds(59));
        assertEquals("0.02", Formats.decimalMinutes(1)); // 0.0166 rounds up
        assertEquals("0.00", Formats.decimalMinutes(0));
    }
}
