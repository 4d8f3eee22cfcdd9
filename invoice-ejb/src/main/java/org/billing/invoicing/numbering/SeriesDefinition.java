package org.billing.invoicing.numbering;

/** What an administrator says a series is. */
public record SeriesDefinition(String name, String pattern, long startNumber, boolean yearlyRestart, int padding) {}
