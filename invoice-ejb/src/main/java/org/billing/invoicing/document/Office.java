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

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.database.Settings;

/**
 * The application's LibreOffice pool: started at deploy when {@code invoicing.office.start} is
 * {@code deploy}, else on first use; stopped at undeploy. Without LibreOffice the module runs on:
 * only the PDF step fails, with a clear reason.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Office {

    private static final Logger LOG = Logger.getLogger(Office.class.getName());

    private final OfficePool pool = new OfficePool(OfficePool.Config.fromSettings());

    @PostConstruct
    void start() {
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
            return pool.toPdf(odt);
        } catch (DocumentException e) {
            throw new InvoicingException(ErrorCode.PDF_UNAVAILABLE, e.getMessage());
        }
    }

    public boolean installed() {
        return pool.installed();
    }
}
