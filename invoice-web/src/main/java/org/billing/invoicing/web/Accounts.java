package org.billing.invoicing.web;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.billing.invoicing.platform.AccountView;
import org.billing.invoicing.platform.PlatformDirectory;

/**
 * The platform's accounts for the select boxes of a view, read once per view: a select box checks the
 * submitted value against its items on every postback.
 */
@Named
@ViewScoped
public class Accounts implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PlatformDirectory directory;

    private List<AccountView> all;

    public List<AccountView> getAll() {
        if (all == null) {
            all = directory.accounts(null);
        }
        return all;
    }

    /** The name of account {@code id} (for a table that holds only ids), or the id when it is not known. */
    public String name(long id) {
        return getAll().stream()
                .filter(account -> account.id() == id)
                .map(AccountView::name)
                .findFirst()
                .orElse(String.valueOf(id));
    }
}
