package org.billing.invoicing.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceRequest;

/**
 * Reads {@code {accountId, direction, startDate, endDate}}. The body is read as a JSON object, not
 * bound, so that every wrong or missing field is answered by its name.
 */
final class InvoiceRequests {

    private InvoiceRequests() {
    }

    static InvoiceRequest read(JsonValue body) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, null,
                    "The body is a JSON object {accountId, direction, startDate, endDate}.");
        }
        JsonObject json = body.asJsonObject();
        return new InvoiceRequest(accountId(json), Params.enumValue(Direction.class, required(json, "direction"), "direction"),
                Params.date(required(json, "startDate"), "startDate"), Params.date(required(json, "endDate"), "endDate"));
    }

    private static Long accountId(JsonObject json) {
        JsonValue value = json.get("accountId");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw Params.invalid("accountId", "accountId is required.");
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.longValue();
        }
        if (value instanceof JsonString text) {
            return Params.id(text.getString(), "accountId");
        }
        throw Params.invalid("accountId", "accountId is a whole number.");
    }

    private static String required(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value instanceof JsonString text && !text.getString().isBlank()) {
            return text.getString();
        }
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL
                || value instanceof JsonString) {
            throw Params.invalid(field, field + " is required.");
        }
        throw Params.invalid(field, field + " is a string.");
    }
}
