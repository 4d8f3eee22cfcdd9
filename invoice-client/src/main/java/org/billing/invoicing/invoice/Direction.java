package org.billing.invoicing.invoice;

/**
 * Which side of the calls an invoice settles. A Customer invoice bills the calls the account
 * originated (it is {@code customer_acc_id}) and its service transactions; a Vendor invoice settles
 * the calls terminated to the account (it is {@code vendor_acc_id}).
 */
public enum Direction {
    CUSTOMER,
    VENDOR
}
