package org.billing.invoicing.document;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.billing.invoicing.invoice.DetailTable;
import org.billing.invoicing.invoice.InvoiceView;

/**
 * Everything a document prints: the invoice, its account and contractor as they are when it is
 * rendered, and its detail tables ({@code CallLineView} rows, or {@code ServiceLine} rows for the
 * services table).
 *
 * @param draft a Pending invoice previewed before it has a number
 * @param invoicePeriod the account's invoice period, as {@code [A_INV_PERIOD]} prints it
 */
public record DocumentData(
        InvoiceView invoice,
        BigDecimal accountBalance,
        BigDecimal accountMinBalance,
        BigDecimal accountMaxBalance,
        String invoicePeriod,
        String contractorAddress,
        String contractorPhones,
        Map<DetailTable, List<?>> tables,
        boolean draft,
        String originalReference) {

    public DocumentData {
        tables = Map.copyOf(tables);
    }

    /** The data of an invoice that refers to no other ({@code [I_ORIGINAL_REF]} empty). */
    public DocumentData(
            InvoiceView invoice,
            BigDecimal accountBalance,
            BigDecimal accountMinBalance,
            BigDecimal accountMaxBalance,
            String invoicePeriod,
            String contractorAddress,
            String contractorPhones,
            Map<DetailTable, List<?>> tables,
            boolean draft) {
        this(
                invoice,
                accountBalance,
                accountMinBalance,
                accountMaxBalance,
                invoicePeriod,
                contractorAddress,
                contractorPhones,
                tables,
                draft,
                null);
    }

    public List<?> rows(DetailTable table) {
        return tables.getOrDefault(table, List.of());
    }

    /**
     * The rows of a table placeholder: a detail table of seed 001, or issue 12's INV_TAX_TABLE (the VAT
     * breakdown) and INV_TAX_LINES_TABLE (the lines), both from the invoice; none for another name.
     */
    public List<?> rows(String tableName) {
        if (Placeholders.TAX_TABLE.equals(tableName)) {
            return invoice.vatBreakdown() == null ? List.of() : invoice.vatBreakdown();
        }
        if (Placeholders.TAX_LINES_TABLE.equals(tableName)) {
            return invoice.lines() == null ? List.of() : invoice.lines();
        }
        return DetailTable.named(tableName).map(this::rows).orElse(List.of());
    }
}
