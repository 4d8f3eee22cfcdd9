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
}
