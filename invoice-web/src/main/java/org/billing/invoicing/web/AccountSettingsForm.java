package org.billing.invoicing.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.EInvoiceAttachment;
import org.billing.invoicing.settings.AccountInvoiceSettings;
import org.billing.invoicing.settings.InvoiceSettingsService;

/**
 * numbering.xhtml?account=N&amp;direction=CUSTOMER: an account's invoice settings for one direction, its
 * own numbering series (none: the default one), the addresses its issued invoices are emailed to, what the
 * email carries, and for the vendor direction whether its invoices are self-billed.
 */
@Named
@ViewScoped
public class AccountSettingsForm extends AccountDirectionForm {

    private static final long serialVersionUID = 1L;

    /** Not "account": that is the view parameter, which a form of that id would submit. */
    private static final String FORM = "accountSettings";

    private static final Set<String> INPUTS = Set.of("accountId", "seriesId", "recipients");

    public AccountSettingsForm() {
        super(FORM, INPUTS);
    }

    @EJB
    private InvoiceSettingsService settings;

    private Long seriesId;
    /** One address a line, as the operator types them; commas and semicolons separate too. */
    private String recipients;

    private boolean attachCalls;

    private EInvoiceAttachment einvoiceAttachment = EInvoiceAttachment.NONE;

    private boolean selfBilling;

    @Override
    protected void read(long accountId, Direction direction) {
        show(settings.accountSettings(accountId, direction));
    }

    public void save() {
        if (!Access.permits(Action.MANAGE_ACCOUNT_SETTINGS, "change an account's invoice settings")) {
            return;
        }
        try {
            show(settings.changeAccountSettings(new AccountInvoiceSettings(
                    getAccountId(),
                    getDirection(),
                    seriesId,
                    addresses(),
                    attachCalls,
                    einvoiceAttachment,
                    getDirection() == Direction.VENDOR && selfBilling)));
        } catch (RuntimeException e) {
            refused(Refusals.refusal(e));
            return;
        }
        Messages.info("The " + getDirection().name().toLowerCase() + " invoice settings of account " + getAccountId()
                + " are saved.");
    }

    private List<String> addresses() {
        return recipients == null
                ? List.of()
                : Arrays.stream(recipients.split("[\\s,;]+"))
                        .filter(address -> !address.isEmpty())
                        .toList();
    }

    private void show(AccountInvoiceSettings stored) {
        seriesId = stored.seriesId();
        recipients = String.join("\n", stored.recipients());
        attachCalls = stored.attachCalls();
        einvoiceAttachment = stored.einvoiceAttachment();
        selfBilling = stored.selfBilling();
    }

    /** Whether the account's vendor invoices are self-billed invoices (type 389), not statements; VENDOR only. */
    public boolean isSelfBilling() {
        return selfBilling;
    }

    public void setSelfBilling(boolean selfBilling) {
        this.selfBilling = selfBilling;
    }

    /** The e-invoice the email carries (issue 12): none, UBL or CII beside the PDF, or the PDF as Factur-X. */
    public EInvoiceAttachment getEinvoiceAttachment() {
        return einvoiceAttachment;
    }

    public void setEinvoiceAttachment(EInvoiceAttachment einvoiceAttachment) {
        this.einvoiceAttachment = einvoiceAttachment;
    }

    public EInvoiceAttachment[] getEinvoiceAttachments() {
        return EInvoiceAttachment.values();
    }

    /** Whether the email also carries the invoice's calls, gzipped CSV. */
    public boolean isAttachCalls() {
        return attachCalls;
    }

    public void setAttachCalls(boolean attachCalls) {
        this.attachCalls = attachCalls;
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
