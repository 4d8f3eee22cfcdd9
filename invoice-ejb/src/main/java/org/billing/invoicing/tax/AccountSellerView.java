package org.billing.invoicing.tax;

/**
 * The legal entity an account sells through: the one assigned to it, or else the default.
 *
 * @param assigned whether the account has a seller of its own (false: the default)
 * @param seller null while no seller profile exists at all
 */
public record AccountSellerView(long accountId, boolean assigned, SellerProfileView seller) {}
