package org.billing.invoicing.settings;

/** The series that number customer invoices, vendor invoices and credit notes by default. */
public record NumberingDefaults(Long customerSeriesId, Long vendorSeriesId, Long creditNoteSeriesId) {}
