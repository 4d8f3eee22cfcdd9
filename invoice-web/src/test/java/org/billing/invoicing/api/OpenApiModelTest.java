package org.billing.invoicing.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceRequest;
import org.junit.jupiter.api.Test;

/** The request bodies documented from their records have words for every component and no other. */
class OpenApiModelTest {

    @Test
    void everyComponentOfTheDocumentedRecordsIsDescribed() {
        OpenApiModel.RECORD_FIELDS.forEach((type, fields) -> OpenApiModel.components(type, fields.keySet()));
        assertEquals(
                Map.of(
                        "accountId", Long.class,
                        "direction", Direction.class,
                        "startDate", LocalDate.class,
                        "endDate", LocalDate.class),
                OpenApiModel.components(InvoiceRequest.class, OpenApiModel.INVOICE_REQUEST_FIELDS.keySet()));
    }

    @Test
    void aComponentWithoutWordsOrWordsWithoutAComponentAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> OpenApiModel.components(InvoiceRequest.class, Set.of("accountId", "direction", "startDate")));
        assertThrows(
                IllegalArgumentException.class,
                () -> OpenApiModel.components(
                        InvoiceRequest.class, Set.of("accountId", "direction", "startDate", "endDate", "currency")));
    }

    record Unsupported(Object anything) {}

    @Test
    void aComponentTypeWithoutASchemaIsRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> OpenApiModel.components(Unsupported.class, Set.of("anything")));
    }
}
