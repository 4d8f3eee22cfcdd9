package org.billing.invoicing.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The versioned REST API: {@code /invoicing/api/v1}; its OpenAPI document is served at {@code /openapi}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Invoicing",
                        version = "1",
                        description =
                                "Telecom invoicing: invoices calculated from the platform's CDRs for an account and a billing"
                                        + " period, issued with a number from a series, corrected by credit notes, rendered from ODF templates"
                                        + " to PDF and emailed; automatic invoicing by account. Errors are application/problem+json with a"
                                        + " stable `code` (see the Problem schema)."))
public class InvoicingApi extends Application {

    /** No generated WADL: the API is described by the OpenAPI document, and WADL names Java classes. */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
