package org.billing.invoicing.common;

/**
 * The module's security roles. Each role includes the ones before it: an operator also reads, an
 * administrator also operates. The platform maps its users or groups to these names.
 */
public final class Roles {

    /** Reads invoices, their tables, documents, history, series, templates and settings. */
    public static final String VIEWER = "invoice-viewer";
    /** Calculates, creates, approves, credits, deletes Pending invoices and sends their emails. */
    public static final String OPERATOR = "invoice-operator";
    /** Manages templates, numbering series, account settings, automatic invoicing and generation runs. */
    public static final String ADMIN = "invoice-admin";

    private Roles() {}

    /** The roles held with the implied ones: an administrator is also an operator and a viewer. */
    public static java.util.Set<String> withImplied(java.util.Collection<String> roles) {
        java.util.Set<String> all = new java.util.TreeSet<>(roles);
        if (all.contains(ADMIN)) {
            all.add(OPERATOR);
        }
        if (all.contains(OPERATOR)) {
            all.add(VIEWER);
        }
        return all;
    }
}
