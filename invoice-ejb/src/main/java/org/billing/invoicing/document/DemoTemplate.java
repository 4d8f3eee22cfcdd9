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
import org.billing.invoicing.tax.SellerProfileDefinition;
import org.billing.invoicing.tax.TaxProfileService;

/**
 * With demo data, the shipped demo template (a carrier invoice that uses every placeholder and every
 * table) is stored and made the global default, once, into a store that holds no template yet; and the
 * seller its letterhead prints (issue 12) becomes the default seller profile when there is none.
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

    @EJB
    private TaxProfileService taxProfiles;

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
        try {
            if (taxProfiles.sellers().isEmpty()) {
                taxProfiles.createSeller(SELLER);
                LOG.info(() -> "Demo seller '" + SELLER.legalName() + "' stored as the default seller profile");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The demo seller profile could not be stored", e);
        }
    }

    /** The operator the demo invoices are issued by. */
    static final SellerProfileDefinition SELLER = new SellerProfileDefinition(
            "Northwind Carrier Services GmbH",
            "Friedrichstraße 100",
            "Berlin",
            "10117",
            "DE",
            "DE123456789",
            "HRB 123456 B, Amtsgericht Charlottenburg",
            "billing@northwind-carrier.example",
            "+49 30 5550 100",
            "DE89370400440532013000",
            "COBADEFFXXX",
            30,
            "HALF_UP",
            true);

    public static byte[] bytes() {
        try (InputStream in = DemoTemplate.class.getResourceAsStream(RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
