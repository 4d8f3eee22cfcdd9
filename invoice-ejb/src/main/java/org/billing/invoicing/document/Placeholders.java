package org.billing.invoicing.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.billing.invoicing.invoice.DetailTable;

/**
 * Every placeholder of seed 001: the 49 scalar ones, the two spellings of the decimal-minute
 * durations, and the nine table placeholders with their column placeholders.
 */
public final class Placeholders {

    /** What a placeholder looks like in a template: upper-case letters, digits and underscores in brackets. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\[([A-Z][A-Z0-9_]*)]");

    /** The 49 scalar placeholders of seed 001, in its order. */
    public static final List<String> SCALARS = List.of(
            "A_NAME",
            "A_BALANCE",
            "A_BALANCE_D",
            "A_MIN_BALANCE",
            "A_MIN_BALANCE_D",
            "A_MAX_BALANCE",
            "A_MAX_BALANCE_D",
            "A_INV_PERIOD",
            "C_NAME",
            "C_ADDRESS",
            "C_PHONES",
            "I_ID",
            "I_REF",
            "I_CREATED_AT",
            "I_START_DATE",
            "I_END_DATE",
            "I_TOTAL",
            "I_TOTAL_D",
            "I_SPENT",
            "I_SPENT_D",
            "I_EARNED",
            "I_EARNED_D",
            "I_ORIG_CALLS_COUNT",
            "I_ORIG_SUCCESSFUL_CALLS_COUNT",
            "I_ORIG_CALLS_DURATIONM",
            "I_ORIG_CALLS_DURATION_D",
            "I_ORIG_CALLS_DURATION",
            "I_ORIG_FIRST_CALL_AT",
            "I_ORIG_LAST_CALL_AT",
            "I_ORIG_SPENT",
            "I_ORIG_SPENT_D",
            "I_ORIG_EARNED",
            "I_ORIG_EARNED_D",
            "I_TERM_CALLS_COUNT",
            "I_TERM_SUCCESSFUL_CALLS_COUNT",
            "I_TERM_CALLS_DURATIONM",
            "I_TERM_CALLS_DURATION_DEC",
            "I_TERM_CALLS_DURATION",
            "I_TERM_FIRST_CALL_AT",
            "I_TERM_LAST_CALL_AT",
            "I_TERM_SPENT",
            "I_TERM_SPENT_D",
            "I_TERM_EARNED",
            "I_TERM_EARNED_D",
            "I_SRV_SPENT",
            "I_SRV_SPENT_D",
            "I_SRV_EARNED",
            "I_SRV_EARNED_D",
            "T_SRV_TRANSACTIONS_COUNT");

    /**
     * The other spelling of the decimal-minute durations: the seed writes {@code _D} for originated
     * and {@code _DEC} for terminated calls; templates use both (DESIGN "Documents").
     */
    public static final Map<String, String> ALIASES = Map.of(
            "I_ORIG_CALLS_DURATION_DEC", "I_ORIG_CALLS_DURATION_D",
            "I_TERM_CALLS_DURATION_D", "I_TERM_CALLS_DURATION_DEC");

    /** The columns of the destination tables (INV_*_DST_TABLE, INV_*_DST_SUCC_TABLE). */
    public static final List<String> DESTINATION_COLUMNS = List.of(
            "DST_PREFIX",
            "COUNTRY",
            "NETWORK",
            "RATE",
            "CALLS_COUNT",
            "SUCCESSFUL_CALLS_COUNT",
            "CALLS_DURATION",
            "CALLS_DURATIONM",
            "CALLS_DURATION_DEC",
            "AMOUNT",
            "AMOUNT_DECORATED",
            "FIRST_CALL_AT",
            "LAST_CALL_AT");

    /** The columns of the network tables: the destination columns but the prefix. */
    public static final List<String> NETWORK_COLUMNS = DESTINATION_COLUMNS.subList(1, DESTINATION_COLUMNS.size());

    /** The columns of INV_SRV_DATA_TABLE. */
    public static final List<String> SERVICE_COLUMNS =
            List.of("SERVICE", "TRANSACTIONS_COUNT", "AMOUNT", "AMOUNT_DECORATED");

    /**
     * Beyond seed 001, for the documents that correct an issued invoice (issue 13): {@code [I_KIND]} says
     * what the document is ("Invoice", "Credit note", "Supplementary invoice") and {@code [I_ORIGINAL_REF]}
     * the number of the invoice a credit note reverses or a supplementary invoice supplements (empty for
     * an invoice).
     */
    public static final List<String> CORRECTION_SCALARS = List.of("I_KIND", "I_ORIGINAL_REF");

    /**
     * Beyond seed 001, what makes the document an invoice under EU VAT law (issue 12), as the invoice copied
     * it when it was made: the seller ({@code S_}), the buyer's tax identity, the currency and treatment,
     * the legal totals (rounded to the currency's minor unit once, when the invoice was made), the due date
     * and the reverse-charge, export or exemption note ("Self-billing" first on a self-billed invoice), and
     * {@code [I_DOCUMENT_TYPE]}, the document's title: {@code [I_KIND]}, or "Self-billed invoice", "Self-billed
     * credit note", "Self-billed supplementary invoice" for a self-billed one; {@code [I_PAYMENT]}, who pays
     * whom how much by when, worded for a customer invoice, a vendor's (self-billed or a statement) and a
     * credit note.
     */
    public static final List<String> LEGAL_SCALARS = List.of(
            "S_NAME",
            "S_ADDRESS",
            "S_STREET",
            "S_POSTAL_CODE",
            "S_CITY",
            "S_COUNTRY",
            "S_VAT_ID",
            "S_REGISTRATION",
            "S_EMAIL",
            "S_PHONE",
            "S_IBAN",
            "S_BIC",
            "C_VAT_ID",
            "C_COUNTRY",
            "C_REFERENCE",
            "I_CURRENCY",
            "I_TAX_TREATMENT",
            "I_NET_TOTAL",
            "I_VAT_TOTAL",
            "I_GROSS_TOTAL",
            "I_PREPAID_AMOUNT",
            "I_AMOUNT_DUE",
            "I_DUE_DATE",
            "I_TAX_NOTE",
            "I_DOCUMENT_TYPE",
            "I_PAYMENT");

    /** Issue 12: the VAT breakdown, one row per category and rate. */
    public static final String TAX_TABLE = "INV_TAX_TABLE";

    public static final List<String> TAX_COLUMNS =
            List.of("VAT_CATEGORY", "VAT_RATE", "TAXABLE_AMOUNT", "VAT_AMOUNT", "EXEMPTION_REASON");

    /** Issue 12: the lines of the tax document, one per call section and per service. */
    public static final String TAX_LINES_TABLE = "INV_TAX_LINES_TABLE";

    public static final List<String> TAX_LINE_COLUMNS =
            List.of("LINE_NO", "DESCRIPTION", "NET_AMOUNT", "VAT_CATEGORY", "VAT_RATE");

    private static final Map<String, List<String>> LEGAL_TABLES =
            Map.of(TAX_TABLE, TAX_COLUMNS, TAX_LINES_TABLE, TAX_LINE_COLUMNS);

    private static final Set<String> KNOWN_SCALARS;

    static {
        java.util.Set<String> known = new java.util.HashSet<>(SCALARS);
        known.addAll(ALIASES.keySet());
        known.addAll(CORRECTION_SCALARS);
        known.addAll(LEGAL_SCALARS);
        KNOWN_SCALARS = Set.copyOf(known);
    }

    private Placeholders() {}

    public static boolean isScalar(String name) {
        return KNOWN_SCALARS.contains(name);
    }

    /** The column placeholders a table placeholder's row may use. */
    public static List<String> columns(DetailTable table) {
        return switch (table.grouping()) {
            case DESTINATION -> DESTINATION_COLUMNS;
            case NETWORK -> NETWORK_COLUMNS;
            case SERVICE -> SERVICE_COLUMNS;
        };
    }

    /** The table placeholder a table of a template is named after, if it is one. */
    public static Optional<DetailTable> table(String tableName) {
        return tableName == null ? Optional.empty() : DetailTable.named(tableName);
    }

    /** The columns of an issue 12 table placeholder (INV_TAX_TABLE, INV_TAX_LINES_TABLE), if it is one. */
    public static Optional<List<String>> legalTable(String tableName) {
        return tableName == null ? Optional.empty() : Optional.ofNullable(LEGAL_TABLES.get(tableName));
    }

    /** The columns of any table placeholder, seed 001's or issue 12's. */
    public static Optional<List<String>> columnsOf(String tableName) {
        return table(tableName).map(Placeholders::columns).or(() -> legalTable(tableName));
    }

    /** Whether a name is a column placeholder of some table: outside its table it means nothing. */
    public static boolean isColumn(String name) {
        return DESTINATION_COLUMNS.contains(name)
                || SERVICE_COLUMNS.contains(name)
                || TAX_COLUMNS.contains(name)
                || TAX_LINE_COLUMNS.contains(name);
    }
}
