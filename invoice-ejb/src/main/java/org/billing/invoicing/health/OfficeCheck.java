package org.billing.invoicing.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import org.billing.invoicing.document.Office;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The LibreOffice pool, reported but always UP: without LibreOffice the module still creates, issues
 * and emails invoices, only PDFs are refused ({@code PDF_UNAVAILABLE}). Taking the instance out of the
 * load balancer for that would stop invoicing too, so the operator reads {@code pdf: unavailable} in the
 * check's data instead. The pool starts on first use, so {@code running: false} alone is no fault.
 */
@Readiness
@ApplicationScoped
public class OfficeCheck implements HealthCheck {

    static final String NAME = "office";

    @EJB
    private Office office;

    @Override
    public HealthCheckResponse call() {
        boolean installed = office.installed();
        return HealthCheckResponse.named(NAME).up()
                .withData("pdf", installed ? "available" : "unavailable")
                .withData("officeHome", office.config().officeHome().toString())
                .withData("running", office.running())
                .build();
    }
}
