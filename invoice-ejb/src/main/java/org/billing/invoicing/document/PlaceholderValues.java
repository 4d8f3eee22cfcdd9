package org.billing.invoicing.document;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.billing.invoicing.invoice.CallLineView;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceBuyer;
import org.billing.invoicing.invoice.InvoiceKind;
import org.billing.invoicing.invoice.InvoiceSeller;
import org.billing.invoicing.invoice.InvoiceView;
import org.billing.invoicing.invoice.ServiceLine;
import org.billing.invoicing.invoice.TaxLineView;
import org.billing.invoicing.invoice.VatBreakdownView;

/**
 * The text each placeholder of seed 001 is replaced with. Placeholders of the other direction print
 * zero or empty (DESIGN "Invoices"): a Customer invoice has no terminated calls, a Vendor one no
 * originated calls nor services.
 */
public final class PlaceholderValues {

    /** What {@code [I_REF]} prints on a previewed Pending invoice, which has no number yet. */
    public static final String DRAFT_REFERENCE = "DRAFT";

    private PlaceholderValues() {}

    /** Every scalar placeholder, both spellings of the durations included. */
    public static Map<String, String> scalars(DocumentData data) {
        InvoiceView invoice = data.invoice();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("A_NAME", Formats.text(invoice.accountName()));
        values.put("A_BALANCE", Formats.raw(data.accountBalance()));
        values.put("A_BALANCE_D", Formats.money(data.accountBalance()));
        values.put("A_MIN_BALANCE", Formats.raw(data.accountMinBalance()));
        values.put("A_MIN_BALANCE_D", Formats.money(data.accountMinBalance()));
        values.put("A_MAX_BALANCE", Formats.raw(data.accountMaxBalance()));
        values.put("A_MAX_BALANCE_D", Formats.money(data.accountMaxBalance()));
        values.put("A_INV_PERIOD", Formats.text(data.invoicePeriod()));
        values.put("C_NAME", Formats.text(invoice.contractorName()));
        values.put("C_ADDRESS", Formats.text(data.contractorAddress()));
        values.put("C_PHONES", Formats.text(data.contractorPhones()));
        values.put("I_ID", invoice.id() == null ? "" : invoice.id().toString());
        values.put("I_REF", data.draft() || invoice.number() == null ? DRAFT_REFERENCE : invoice.number());
        values.put("I_KIND", kind(invoice.kind()));
        values.put("I_ORIGINAL_REF", Formats.text(data.originalReference()));
        values.put("I_CREATED_AT", Formats.timestamp(invoice.createdAt()));
        values.put("I_START_DATE", Formats.date(invoice.startDate()));
        values.put("I_END_DATE", Formats.date(invoice.endDate()));
        values.put("I_TOTAL", Formats.raw(invoice.amount()));
        values.put("I_TOTAL_D", Formats.money(invoice.amount()));
        values.put("I_SPENT", Formats.raw(invoice.spent()));
        values.put("I_SPENT_D", Formats.money(invoice.spent()));
        values.put("I_EARNED", Formats.raw(invoice.earned()));
        values.put("I_EARNED_D", Formats.money(invoice.earned()));
        calls(values, "I_ORIG_", invoice, invoice.direction() == Direction.CUSTOMER);
        values.put("I_ORIG_SPENT", Formats.raw(invoice.origSpent()));
        values.put("I_ORIG_SPENT_D", Formats.money(invoice.origSpent()));
        values.put("I_ORIG_EARNED", Formats.raw(invoice.origEarned()));
        values.put("I_ORIG_EARNED_D", Formats.money(invoice.origEarned()));
        calls(values, "I_TERM_", invoice, invoice.direction() == Direction.VENDOR);
        values.put("I_TERM_SPENT", Formats.raw(invoice.termSpent()));
        values.put("I_TERM_SPENT_D", Formats.money(invoice.termSpent()));
        values.put("I_TERM_EARNED", Formats.raw(invoice.termEarned()));
        values.put("I_TERM_EARNED_D", Formats.money(invoice.termEarned()));
        values.put("I_SRV_SPENT", Formats.raw(invoice.servicesSpent()));
        values.put("I_SRV_SPENT_D", Formats.money(invoice.servicesSpent()));
        values.put("I_SRV_EARNED", Formats.raw(invoice.servicesEarned()));
        values.put("I_SRV_EARNED_D", Formats.money(invoice.servicesEarned()));
        values.put("T_SRV_TRANSACTIONS_COUNT", Formats.count(invoice.serviceTransactionsCount()));
        return values;
    }

    /**
     * The issue 12 placeholders ({@link Placeholders#LEGAL_SCALARS}): what the invoice copied when it was
     * made. An invoice made before prints them empty; without a seller profile the seller's are empty.
     */
    public static Map<String, String> legalScalars(DocumentData data) {
        InvoiceView invoice = data.invoice();
        InvoiceSeller seller = invoice.seller();
        InvoiceBuyer buyer = invoice.buyer();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("S_NAME", seller == null ? "" : Formats.text(seller.legalName()));
        values.put("S_ADDRESS", seller == null ? "" : address(seller));
        values.put("S_STREET", seller == null ? "" : Formats.text(seller.street()));
        values.put("S_POSTAL_CODE", seller == null ? "" : Formats.text(seller.postalCode()));
        values.put("S_CITY", seller == null ? "" : Formats.text(seller.city()));
        values.put("S_COUNTRY", seller == null ? "" : Formats.text(seller.country()));
        values.put("S_VAT_ID", seller == null ? "" : Formats.text(seller.vatId()));
        values.put("S_REGISTRATION", seller == null ? "" : Formats.text(seller.registration()));
        values.put("S_EMAIL", seller == null ? "" : Formats.text(seller.contactEmail()));
        values.put("S_PHONE", seller == null ? "" : Formats.text(seller.contactPhone()));
        values.put("S_IBAN", seller == null ? "" : Formats.text(seller.iban()));
        values.put("S_BIC", seller == null ? "" : Formats.text(seller.bic()));
        values.put("C_VAT_ID", buyer == null ? "" : Formats.text(buyer.vatId()));
        values.put("C_COUNTRY", buyer == null ? "" : Formats.text(buyer.country()));
        values.put("C_REFERENCE", buyer == null ? "" : Formats.text(buyer.buyerReference()));
        values.put("I_CURRENCY", Formats.text(invoice.currency()));
        values.put("I_TAX_TREATMENT", treatment(invoice.taxTreatment()));
        values.put("I_NET_TOTAL", Formats.legal(invoice.netTotal()));
        values.put("I_VAT_TOTAL", Formats.legal(invoice.vatTotal()));
        values.put("I_GROSS_TOTAL", Formats.legal(invoice.grossTotal()));
        values.put("I_PREPAID_AMOUNT", Formats.legal(invoice.prepaidAmount()));
        values.put("I_AMOUNT_DUE", Formats.legal(invoice.amountDue()));
        values.put("I_DUE_DATE", Formats.date(invoice.dueDate()));
        values.put("I_TAX_NOTE", Formats.text(invoice.taxNote()));
        // Art. 226(10a) Directive 2006/112/EC: a self-billed invoice says so (its note does too).
        values.put("I_DOCUMENT_TYPE", documentType(invoice.kind(), invoice.selfBilled()));
        values.put("I_PAYMENT", payment(invoice, data.originalReference()));
        return values;
    }

    /**
     * {@code [I_PAYMENT]}: who pays whom, how much and by when, worded for what the document is. A customer
     * invoice asks the buyer to pay the seller (its bank account when the seller profile has one); on the
     * vendor side the operator (the seller profile) pays the account, as a self-billed invoice or a
     * statement; a credit note asks nothing. Empty on an invoice made before issue 12.
     */
    static String payment(InvoiceView invoice, String originalReference) {
        InvoiceSeller seller = invoice.seller();
        BigDecimal due = invoice.amountDue();
        if (seller == null || due == null) {
            return "";
        }
        String amount = Formats.legal(due.abs()) + " " + Formats.text(invoice.currency());
        String reference = invoice.number() == null ? "the invoice's number" : "invoice " + invoice.number();
        if (invoice.kind() == InvoiceKind.CREDIT_NOTE) {
            String original = originalReference == null || originalReference.isBlank()
                    ? "an issued invoice"
                    : "invoice " + originalReference;
            return "Nothing is to be paid with this credit note: it reverses " + original + ", and its " + amount
                    + " is set off against the account.";
        }
        if (due.signum() <= 0) {
            return invoice.prepaidAmount() != null && invoice.prepaidAmount().signum() > 0
                    ? "Nothing is to be paid: the amount was prepaid."
                    : "Nothing is to be paid.";
        }
        if (invoice.direction() == Direction.VENDOR) {
            return Formats.text(seller.legalName()) + " pays " + amount + " to "
                    + Formats.text(invoice.contractorName()) + " by " + Formats.date(invoice.dueDate())
                    + ", quoting " + reference + ".";
        }
        StringBuilder text = new StringBuilder("Please pay ")
                .append(amount)
                .append(" by ")
                .append(Formats.date(invoice.dueDate()))
                .append(" to ")
                .append(Formats.text(seller.legalName()));
        if (seller.iban() != null && !seller.iban().isBlank()) {
            text.append(", IBAN ").append(seller.iban());
        }
        if (seller.bic() != null && !seller.bic().isBlank()) {
            text.append(", BIC ").append(seller.bic());
        }
        return text.append(", quoting ").append(reference).append('.').toString();
    }

    /**
     * {@code [I_DOCUMENT_TYPE]}, the document's title, in documents and emails alike: {@code [I_KIND]}, or
     * "Self-billed invoice", "Self-billed credit note", ... for a self-billed one.
     */
    public static String documentType(InvoiceKind kind, boolean selfBilled) {
        return selfBilled ? "Self-billed " + kind(kind).toLowerCase(java.util.Locale.ROOT) : kind(kind);
    }

    /** What the document is ({@code [I_KIND]}, issue 13). */
    private static String kind(InvoiceKind kind) {
        return switch (kind == null ? InvoiceKind.INVOICE : kind) {
            case INVOICE -> "Invoice";
            case CREDIT_NOTE -> "Credit note";
            case SUPPLEMENTARY -> "Supplementary invoice";
        };
    }

    /** The seller's address on one line: street, postal code and city, country. */
    private static String address(InvoiceSeller seller) {
        return String.join(
                ", ",
                java.util.stream.Stream.of(
                                seller.street(),
                                (Formats.text(seller.postalCode()) + " " + Formats.text(seller.city())).strip(),
                                seller.country())
                        .filter(part -> part != null && !part.isBlank())
                        .toList());
    }

    private static String treatment(String treatment) {
        if (treatment == null) {
            return "";
        }
        return switch (treatment) {
            case "DOMESTIC" -> "Domestic VAT";
            case "REVERSE_CHARGE" -> "Reverse charge";
            case "EXPORT" -> "Outside the scope of EU VAT";
            case "EXEMPT" -> "Exempt from VAT";
            default -> treatment;
        };
    }

    /** The column placeholders of one row of INV_TAX_TABLE. */
    public static Map<String, String> row(VatBreakdownView group) {
        Map<String, String> values = new HashMap<>(8);
        values.put("VAT_CATEGORY", Formats.text(group.vatCategory()));
        values.put("VAT_RATE", Formats.raw(group.vatRate()));
        values.put("TAXABLE_AMOUNT", Formats.legal(group.taxableAmount()));
        values.put("VAT_AMOUNT", Formats.legal(group.vatAmount()));
        values.put("EXEMPTION_REASON", Formats.text(group.exemptionReason()));
        return values;
    }

    /** The column placeholders of one row of INV_TAX_LINES_TABLE. */
    public static Map<String, String> row(TaxLineView line) {
        Map<String, String> values = new HashMap<>(8);
        values.put("LINE_NO", Integer.toString(line.lineNo()));
        values.put("DESCRIPTION", Formats.text(line.description()));
        values.put("NET_AMOUNT", Formats.legal(line.netAmount()));
        values.put("VAT_CATEGORY", Formats.text(line.vatCategory()));
        values.put("VAT_RATE", Formats.raw(line.vatRate()));
        return values;
    }

    private static void calls(Map<String, String> values, String prefix, InvoiceView invoice, boolean ours) {
        long duration = ours ? invoice.callsDuration() : 0;
        values.put(prefix + "CALLS_COUNT", Formats.count(ours ? invoice.callsCount() : 0));
        values.put(prefix + "SUCCESSFUL_CALLS_COUNT", Formats.count(ours ? invoice.successfulCallsCount() : 0));
        values.put(prefix + "CALLS_DURATIONM", Formats.hoursMinutes(duration));
        values.put(prefix + "CALLS_DURATION_D", Formats.decimalMinutes(duration));
        values.put(prefix + "CALLS_DURATION_DEC", Formats.decimalMinutes(duration));
        values.put(prefix + "CALLS_DURATION", Formats.seconds(duration));
        values.put(prefix + "FIRST_CALL_AT", ours ? Formats.timestamp(invoice.firstCallAt()) : "");
        values.put(prefix + "LAST_CALL_AT", ours ? Formats.timestamp(invoice.lastCallAt()) : "");
    }

    /** The column placeholders of one row of a call table (destination or network). */
    public static Map<String, String> row(CallLineView line) {
        Map<String, String> values = new HashMap<>(20);
        values.put("DST_PREFIX", Formats.text(line.dstPrefix()));
        values.put("COUNTRY", Formats.text(line.country()));
        values.put("NETWORK", Formats.text(line.network()));
        values.put("RATE", Formats.raw(line.rate()));
        values.put("CALLS_COUNT", Formats.count(line.callsCount()));
        values.put("SUCCESSFUL_CALLS_COUNT", Formats.count(line.successfulCallsCount()));
        values.put("CALLS_DURATION", Formats.seconds(line.callsDuration()));
        values.put("CALLS_DURATIONM", Formats.minutesSeconds(line.callsDuration()));
        values.put("CALLS_DURATION_DEC", Formats.decimalMinutes(line.callsDuration()));
        values.put("AMOUNT", Formats.raw(line.amount()));
        values.put("AMOUNT_DECORATED", Formats.money(line.amount()));
        values.put("FIRST_CALL_AT", Formats.timestamp(line.firstCallAt()));
        values.put("LAST_CALL_AT", Formats.timestamp(line.lastCallAt()));
        return values;
    }

    /** The column placeholders of one row of INV_SRV_DATA_TABLE. */
    public static Map<String, String> row(ServiceLine line) {
        Map<String, String> values = new HashMap<>(8);
        values.put("SERVICE", Formats.text(line.service()));
        values.put("TRANSACTIONS_COUNT", Formats.count(line.transactionsCount()));
        values.put("AMOUNT", Formats.raw(line.amount()));
        values.put("AMOUNT_DECORATED", Formats.money(line.amount()));
        return values;
    }

    public static Map<String, String> row(Object line) {
        if (line instanceof CallLineView call) {
            return row(call);
        }
        if (line instanceof ServiceLine service) {
            return row(service);
        }
        if (line instanceof VatBreakdownView group) {
            return row(group);
        }
        if (line instanceof TaxLineView tax) {
            return row(tax);
        }
        throw new IllegalArgumentException("Not a detail table row: " + line);
    }
}
