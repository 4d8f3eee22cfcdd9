package org.billing.invoicing.mail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.billing.invoicing.document.Formats;
import org.billing.invoicing.document.PlaceholderValues;
import org.billing.invoicing.invoice.Invoice;
import org.billing.invoicing.platform.Account;

/**
 * What an invoice email may say about its invoice, by the placeholder names of the invoice documents
 * (seed 001). Money {@code _D} is rounded half-up to 2 decimals, as in the documents; the currency is
 * its own placeholder, so that a wording moved from a document template to a mail template reads the
 * same. Dates are the invoice's own days (ISO, in the account's zone). {@code documentType} is what the
 * documents title it ({@code [I_DOCUMENT_TYPE]}: "Invoice", "Credit note", "Self-billed invoice", ...).
 */
public record InvoiceMailFacts(
        long invoiceId,
        String reference,
        String accountName,
        String contractorName,
        LocalDate firstDay,
        LocalDate lastDay,
        BigDecimal total,
        String currency,
        String documentType) {

    /**
     * The account's and buyer's names and the currency the invoice copied when it was made (issue 12), not
     * the platform's now.
     */
    public static InvoiceMailFacts of(Invoice invoice, Account account) {
        return new InvoiceMailFacts(
                invoice.getId(),
                invoice.getNumber(),
                invoice.accountName(account),
                invoice.buyerName(account),
                invoice.getFirstDay(),
                invoice.getLastDay(),
                invoice.totals().amount(),
                invoice.currency(account),
                PlaceholderValues.documentType(invoice.getKind(), invoice.selfBilled()));
    }

    public Map<String, String> placeholders() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("I_ID", Long.toString(invoiceId));
        values.put("I_REF", text(reference));
        values.put("A_NAME", text(accountName));
        values.put("A_CURRENCY", text(currency));
        values.put("C_NAME", text(contractorName));
        values.put("I_START_DATE", firstDay.toString());
        values.put("I_END_DATE", lastDay.toString());
        values.put("I_TOTAL", Formats.raw(total));
        values.put("I_TOTAL_D", Formats.money(total));
        values.put("I_DOCUMENT_TYPE", text(documentType));
        return values;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
