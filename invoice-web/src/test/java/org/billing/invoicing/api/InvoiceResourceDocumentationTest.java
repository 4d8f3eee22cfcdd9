package org.billing.invoicing.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.billing.invoicing.invoice.DetailTable;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceState;
import org.billing.invoicing.invoice.InvoiceType;
import org.billing.invoicing.invoice.PrepayTable;
import org.billing.invoicing.platform.PaymentModel;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI annotations spell the allowed values out (annotations take constants only); they must
 * stay those of the enums the resource reads the parameters into.
 */
class InvoiceResourceDocumentationTest {

    @Test
    void theTableNamesDocumentedAreTheTablesServed() throws Exception {
        Method table = InvoiceResource.class.getMethod("table", String.class, String.class);
        List<String> served = Stream.concat(
                        Arrays.stream(DetailTable.values()).map(Enum::name),
                        Arrays.stream(PrepayTable.values()).map(Enum::name))
                .toList();
        assertEquals(served, documented(table, "name"));
    }

    @Test
    void theSearchFiltersDocumentTheirValues() throws Exception {
        Method search = Arrays.stream(InvoiceResource.class.getMethods())
                .filter(m -> m.getName().equals("search"))
                .findFirst()
                .orElseThrow();
        assertEquals(names(PaymentModel.values()), documented(search, "paymentModel"));
        assertEquals(names(Direction.values()), documented(search, "direction"));
        assertEquals(names(InvoiceState.values()), documented(search, "state"));
        assertEquals(names(InvoiceType.values()), documented(search, "type"));
    }

    private static List<String> documented(Method method, String name) {
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            PathParam path = parameter.getAnnotation(PathParam.class);
            if ((query != null && query.value().equals(name))
                    || (path != null && path.value().equals(name))) {
                return List.of(parameter
                        .getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class)
                        .schema()
                        .enumeration());
            }
        }
        throw new AssertionError("No parameter " + name + " in " + method);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
