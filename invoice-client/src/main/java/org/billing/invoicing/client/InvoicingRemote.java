package org.billing.invoicing.client;

import jakarta.ejb.Remote;

/**
 * The module's API for other applications of the platform on the full server (the EAR), looked up as
 * {@code java:global/invoicing/invoice-ejb-remote/InvoicingRemoteBean!org.billing.invoicing.client.InvoicingRemote}.
 * Values are passed by value. Payara Micro has no ORB for remote EJB: there, use the REST API.
 */
@Remote
public interface InvoicingRemote extends InvoicingApi {}
