package org.billing.invoicing.numbering;

/** A number taken from a series for one invoice. */
public record IssuedNumber(long seriesId, String number) {}
