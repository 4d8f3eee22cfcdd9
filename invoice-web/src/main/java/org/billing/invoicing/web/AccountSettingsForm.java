package org.billing.invoicing.web;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.billing.invoicing.common.Roles;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.settings.AccountInvoiceSettings;
import org.billing.invoicing.settings.InvoiceSettingsService;

/**
 * numbering.xhtml?account=N&amp;direction=CUSTOMER: an account's invoice settings for one direction, its
 * own numbering series (none: the default one) and the addresses its issued invoices are emailed to.
 */
@Named
@ViewScoped
public class AccountSettingsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Not "account": that is the view parameter, which a form of that id would submit. */
    private static final String FORM = "accountSettings";
    private static final Set<String> INPUTS = Set.of("accountId", "seriesId", "recipients");

    @EJB
    private InvoiceSettingsService settings;

    private Long accountId;
    private Direction direction = Direction.CUSTOMER;
    private Long seriesId;
    /** One address a line, as the operator types them; commas and semicolons separate too. */
    private String recipients;
    private boolean loaded;

    /** The view action and the account and direction selects: shows the stored settings of the pair. */
    public void load() {
        loaded = false;
        if (accountId == null || direction == null) {
            return;
        }
        try {
            show(settings.accountSettings(accountId, direction));
        } catch (RuntimeException e) {
            refused(Refusals.refusal(e));
        }
    }

    public void save() {
        if (!Access.permits(Roles.ADMIN, "change an account's invoice settings")) {
            return;
        }
        try {
            show(settings.changeAccountSettings(new AccountInvoiceSettings(accountId, direction, seriesId, addresses())));
        } catch (RuntimeException e) {
            refused(Refusals.refusal(e));
            return;
        }
        Messages.info("The " + direction.name().toLowerCase() + " invoice settings of account " + accountId + " are saved.");
    }

    private List<String> addresses() {
        return recipients == null ? List.of()
                : Arrays.stream(recipients.split("[\\s,;]+")).filter(address -> !address.isEmpty()).toList();
    }

    private void show(AccountInvoiceSettings stored) {
        seriesId = stored.seriesId();
        recipients = String.join("\n", stored.recipients());
        loaded = true;
    }

    private static void refused(InvoicingException e) {
        Messages.error(INPUTS.contains(e.field()) ? FORM + ":" + e.field() : null, e.getMessage());
    }

    public Direction[] getDirections() {
        return Direction.values();
    }

    public boolean isLoaded() {
        return loaded;
    }

    public Long getAccountId() {
        return accountId;
    }

    public void setAccountId(Long accountId) {
        this.accountId = accountId;
    }

    public Direction getDirection() {
        return direction;
    }

    public void setDirection(Direction direction) {
        this.direction = direction;
    }

    public Long getSeriesId() {
        return seriesId;
    }

    public void setSeriesId(Long seriesId) {
        this.seriesId = seriesId;
    }

    public String getRecipients() {
        return recipients;
    }

    public void setRecipients(String recipients) {
        this.recipients = recipients;
    }
}
