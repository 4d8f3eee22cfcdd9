package org.billing.invoicing.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Optional;

import jakarta.ejb.EJBException;

import org.junit.jupiter.api.Test;

class InvoicingExceptionTest {

    private final InvoicingException refusal =
            new InvoicingException(ErrorCode.INVOICE_NOT_FOUND, "id", "There is no invoice 7.");

    @Test
    void theRefusalIsFoundAsItIsAndWrapped() {
        assertSame(refusal, InvoicingException.causing(refusal).orElseThrow());
        EJBException wrapped = new EJBException(refusal);
        assertSame(refusal, InvoicingException.causing(wrapped).orElseThrow());
        assertSame(
                refusal,
                InvoicingException.causing(new RuntimeException(wrapped)).orElseThrow());
    }

    @Test
    void anythingElseIsNoRefusal() {
        assertEquals(Optional.empty(), InvoicingException.causing(new EJBException(new IllegalStateException())));
        assertEquals(Optional.empty(), InvoicingException.causing(null));
    }
}
