package org.billing.invoicing.batch;

import java.io.Serializable;
import java.util.Iterator;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.billing.invoicing.generation.AutoInvoicingService;
import org.billing.invoicing.generation.DueInvoice;

/** Reads the automatic invoices that are due; on a restart it asks again rather than resuming a position. */
@Named
@Dependent
public class DueInvoiceReader extends AbstractItemReader {

    @EJB
    private AutoInvoicingService autoInvoicing;

    private Iterator<DueInvoice> due;

    @Override
    public void open(Serializable checkpoint) {
        due = autoInvoicing.dueInvoices().iterator();
    }

    @Override
    public Object readItem() {
        return due.hasNext() ? due.next() : null;
    }
}
