package org.billing.invoicing.tax;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an invoice before tax: what it is and its raw (unrounded) net amount, signed as the buyer
 * owes it (an earning of the buyer is negative).
 */
public record TaxableLine(String description, BigDecimal net) {

    public TaxableLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(net, "net");
    }
}
