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
 * check's data instead. Anyone may ask, so it says no more than that: not where LibreOffice is
 * installed, not whether the pool's processes are running (it starts on first use).
 */
@Readiness
@ApplicationScoped
public class OfficeCheck implements HealthCheck {

    static final String NAME = "office";

    @EJB
    private Office office;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .up()
                .withData("pdf", office.installed() ? "available" : "unavailable")
                .build();
    }
}
