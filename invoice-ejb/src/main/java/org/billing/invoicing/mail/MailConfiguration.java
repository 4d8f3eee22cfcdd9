package org.billing.invoicing.mail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * The {@link MailSettings} of this deployment, read once from MicroProfile Config: system properties,
 * environment variables ({@code INVOICING_MAIL_HOST} for {@code invoicing.mail.host}) and
 * {@code microprofile-config.properties}. A wrong value stops the deployment with the key's name.
 */
@ApplicationScoped
public class MailConfiguration {

    @Inject
    private Config config;

    private MailSettings settings;

    @PostConstruct
    void read() {
        settings = MailSettings.from(key -> config.getOptionalValue(key, String.class));
    }

    @Produces
    @Dependent
    MailSettings settings() {
        return settings;
    }
}
