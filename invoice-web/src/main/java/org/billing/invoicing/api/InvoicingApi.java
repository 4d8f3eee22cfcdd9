package org.billing.invoicing.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The versioned REST API: {@code /invoicing/api/v1}. */
@ApplicationPath("api/v1")
public class InvoicingApi extends Application {
}
