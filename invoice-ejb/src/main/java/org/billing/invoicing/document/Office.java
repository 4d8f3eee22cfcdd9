package org.billing.invoicing.document;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.database.Settings;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The application's LibreOffice pool: started at deploy when {@code invoicing.office.start} is
 * {@code deploy}, else on first use; stopped at undeploy. Without LibreOffice the module runs on:
 * only the PDF step fails, with a clear reason. Successful conversions are timed as {@value #PDF_TIMER}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Office {

    private static final Logger LOG = Logger.getLogger(Office.class.getName());

    public static final String PDF_TIMER = "invoicing.pdf.conversion";

    private final OfficePool pool = new OfficePool(OfficePool.Config.fromSettings());

    @Inject
    private MetricRegistry registry;

    private Timer conversions;

    @PostConstruct
    void start() {
        conversions = registry.timer(Metadata.builder()
                .withName(PDF_TIMER)
                .withUnit(MetricUnits.SECONDS)
                .withDescription("Time LibreOffice took to turn an .odt document into a PDF")
                .build());
        if ("deploy".equalsIgnoreCase(Settings.value("invoicing.office.start").orElse("first-use"))) {
            try {
                pool.start();
            } catch (DocumentException e) {
                LOG.log(Level.WARNING, "LibreOffice not started at deploy: {0}", e.getMessage());
            }
        }
    }

    @PreDestroy
    void stop() {
        pool.stop();
    }

    /** The PDF of an .odt document; {@code PDF_UNAVAILABLE} when LibreOffice is missing or fails. */
    public byte[] toPdf(byte[] odt) {
        try {
            Timer.Context timing = conversions.time();
            byte[] pdf = pool.toPdf(odt);
            timing.stop();
            return pdf;
        } catch (DocumentException e) {
            throw new InvoicingException(ErrorCode.PDF_UNAVAILABLE, e.getMessage());
        }
    }

    /**
     * The PDF/A-3 of an .odt document, what a Factur-X PDF is made from; {@code PDF_UNAVAILABLE} when
     * LibreOffice is missing or fails.
     */
    public byte[] toPdfA(byte[] odt) {
        try {
            Timer.Context timing = conversions.time();
            byte[] pdf = pool.toPdfA(odt);
            timing.stop();
            return pdf;
        } catch (DocumentException e) {
            throw new InvoicingException(ErrorCode.PDF_UNAVAILABLE, e.getMessage());
        }
    }

    public boolean installed() {
        return pool.installed();
    }

    /** Whether the office processes run now (they start on first use unless started at deploy). */
    public boolean running() {
        return pool.running();
    }

    public OfficePool.Config config() {
        return pool.config();
    }
}
