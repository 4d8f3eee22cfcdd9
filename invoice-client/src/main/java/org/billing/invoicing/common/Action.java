package org.billing.invoicing.common;

/**
 * What a caller may ask the module to do, one constant per thing the README's role table ("Roles and
 * login") names, with the least role that may do it. The REST API, the screens and the EJB API ask the
 * {@link Gate} about these; nothing else decides who may do what.
 */
public enum Action {

    /**
     * Read: the dashboard, invoices, their tables, calls, documents, history and emails; accounts,
     * contractors, series, templates, settings, tax profiles, generation runs.
     */
    READ(Roles.VIEWER),

    /** Calculate an invoice without storing it. */
    CALCULATE(Roles.OPERATOR),
    /** Create a manual invoice. */
    CREATE(Roles.OPERATOR),
    /** Approve a Pending invoice, one or the ticked ones at once. */
    APPROVE(Roles.OPERATOR),
    /** Credit an issued invoice. */
    CREDIT(Roles.OPERATOR),
    /** Delete a Pending invoice. */
    DELETE(Roles.OPERATOR),
    /** Make an invoice's document now. */
    RENDER_DOCUMENT(Roles.OPERATOR),
    /** Queue an invoice's email again. */
    RESEND_EMAIL(Roles.OPERATOR),
    /** Check an issued invoice's drift, bill it with a supplementary invoice or correct the invoice. */
    SETTLE_DRIFT(Roles.OPERATOR),

    /** Upload, lint, delete, assign templates and choose the default one. */
    MANAGE_TEMPLATES(Roles.ADMIN),
    /** Numbering series and the numbering defaults. */
    MANAGE_NUMBERING(Roles.ADMIN),
    /** An account's invoice settings. */
    MANAGE_ACCOUNT_SETTINGS(Roles.ADMIN),
    /** Automatic invoicing of the accounts, and generation runs. */
    MANAGE_AUTOMATIC_INVOICING(Roles.ADMIN),
    /** Seller profiles, an account's seller and a contractor's tax profile. */
    MANAGE_TAX_PROFILES(Roles.ADMIN);

    private final String leastRole;

    Action(String leastRole) {
        this.leastRole = leastRole;
    }

    /** The lowest of the module's roles that may do it; every role that includes it may too. */
    public String leastRole() {
        return leastRole;
    }
}
