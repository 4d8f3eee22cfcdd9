package org.billing.invoicing.web;

import java.io.Serializable;
import java.util.Set;

import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.invoice.Direction;

/**
 * A form about one account in one direction (its invoice settings, its template, its automatic
 * invoicing): the account and direction selects, and the pair's stored values shown once they are read.
 * A refusal is shown next to the input it is about, or on the page.
 */
abstract class AccountDirectionForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String form;
    private final Set<String> inputs;

    private Long accountId;
    private Direction direction = Direction.CUSTOMER;
    private boolean loaded;

    /**
     * @param form   the form's id (not "account": that is the view parameter, which a form of that id would submit)
     * @param inputs the inputs of the form a refusal's field may name
     */
    protected AccountDirectionForm(String form, Set<String> inputs) {
        this.form = form;
        this.inputs = inputs;
    }

    /** The view action and the account and direction selects: shows the pair's stored values. */
    public void load() {
        loaded = false;
        if (accountId == null || direction == null) {
            return;
        }
        try {
            read(accountId, direction);
            loaded = true;
        } catch (RuntimeException e) {
            refused(Refusals.refusal(e));
        }
    }

    /** Reads and shows the pair's stored values. */
    protected abstract void read(long accountId, Direction direction);

    /** Shows a refusal next to the input it is about, or on the page. */
    protected void refused(InvoicingException e) {
        Messages.error(inputs.contains(e.field()) ? form + ":" + e.field() : null, e.getMessage());
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
}
