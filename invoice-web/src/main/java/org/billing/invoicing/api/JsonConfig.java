package org.billing.invoicing.api;

import java.math.BigDecimal;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * How the API writes JSON: money as decimal strings (a JSON number may pass through a double in the
 * client and lose cents), instants ISO-8601 with their offset, absent values as explicit nulls.
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    private final Jsonb jsonb =
            JsonbBuilder.create(new JsonbConfig().withNullValues(true).withSerializers(new DecimalAsString()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    static final class DecimalAsString implements JsonbSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
            generator.write(value.toPlainString());
        }
    }
}
