package org.billing.invoicing.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceRequest;

/**
 * Reads request bodies as JSON objects rather than binding them, so that every wrong or missing
 * field is answered by its name.
 */
final class JsonBodies {

    private JsonBodies() {}

    static JsonObject object(JsonValue body, String shape) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Params.invalid(null, "The body is a JSON object " + shape + ".");
        }
        return body.asJsonObject();
    }

    /** {@code {accountId, direction, startDate, endDate}} */
    static InvoiceRequest invoiceRequest(JsonValue body) {
        JsonObject json = object(body, "{accountId, direction, startDate, endDate}");
        return new InvoiceRequest(
                requiredLong(json, "accountId"),
                Params.enumValue(Direction.class, requiredString(json, "direction"), "direction"),
                Params.date(requiredString(json, "startDate"), "startDate"),
                Params.date(requiredString(json, "endDate"), "endDate"));
    }

    static Long optionalLong(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException beyondLong) {
                throw Params.invalid(field, field + " is out of range; got " + abbreviated(number.toString()) + ".");
            }
        }
        if (value instanceof JsonString text) {
            return Params.id(text.getString(), field);
        }
        throw Params.invalid(field, field + " is a whole number.");
    }

    /**
     * A field that must be there but may be null: a PUT replaces the whole resource, so a field left
     * out is refused rather than read as "reset to the default".
     */
    static void requirePresent(JsonObject json, String field, String whenNull) {
        if (!json.containsKey(field)) {
            throw Params.invalid(field, field + " is required (" + whenNull + ").");
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    static long requiredLong(JsonObject json, String field) {
        Long value = optionalLong(json, field);
        if (value == null) {
            throw Params.invalid(field, field + " is required.");
        }
        return value;
    }

    static int optionalInt(JsonObject json, String field, int defaultValue) {
        Long value = optionalLong(json, field);
        if (value == null) {
            return defaultValue;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw Params.invalid(field, field + " is out of range.");
        }
        return value.intValue();
    }

    static boolean optionalBoolean(JsonObject json, String field, boolean defaultValue) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return defaultValue;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw Params.invalid(field, field + " is true or false.");
    }

    static BigDecimal optionalDecimal(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue();
        }
        throw Params.invalid(field, field + " is a number.");
    }

    static String optionalString(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw Params.invalid(field, field + " is a string.");
    }

    static String requiredString(JsonObject json, String field) {
        String value = optionalString(json, field);
        if (value == null || value.isBlank()) {
            throw Params.invalid(field, field + " is required.");
        }
        return value;
    }

    /** {@code {ids: [1, 2, 3]}}: the invoices of a bulk action, whole numbers. */
    static List<Long> ids(JsonValue body) {
        JsonObject json = object(body, "{ids: [invoice ids]}");
        JsonValue value = json.get("ids");
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw Params.invalid("ids", "ids is a list of invoice ids.");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            Long id = optionalLong(Json.createObjectBuilder().add("ids", item).build(), "ids");
            if (id == null) {
                throw Params.invalid("ids", "ids is a list of invoice ids, none null.");
            }
            ids.add(id);
        }
        return ids;
    }

    static List<String> stringList(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw Params.invalid(field, field + " is a list of strings.");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (!(item instanceof JsonString text)) {
                throw Params.invalid(field, field + " is a list of strings.");
            }
            strings.add(text.getString());
        }
        return strings;
    }
}
