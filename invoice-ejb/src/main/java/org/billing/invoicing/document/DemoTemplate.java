package org.billing.invoicing.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.billing.invoicing.database.Settings;

/**
 * With demo data, the shipped demo template (a carrier invoice that uses every placeholder and every
 * table) is stored and made the global default, once, into a store that holds no template yet.
 */
@Singleton
@Startup
@DependsOn("DatabaseStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoTemplate {

    public static final String NAME = "Carrier invoice (demo)";
    public static final String RESOURCE = "/org/billing/invoicing/document/demo-invoice-template.odt";
    private static final Logger LOG = Logger.getLogger(DemoTemplate.class.getName());

    @EJB
    private TemplateService templates;

    @PostConstruct
    void install() {
        if (!Settings.demoData()) {
            return;
        }
        try {
            if (templates.list().isEmpty()) {
                TemplateView template = templates.upload(NAME, "demo-invoice-template.odt", bytes());
                templates.changeGlobalDefault(template.id());
                LOG.info(() -> "Demo template '" + NAME + "' stored as the global default template");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The demo template could not be installed", e);
        }
    }

    public static byte[] bytes() {
        try (InputStream in = DemoTemplate.class.getResourceAsStream(RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
