package org.billing.invoicing.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class DeliveryStatusTest {

    private static MailDelivery message(long id, String recipient, MailStatus status) {
        return new MailDelivery(id, recipient, "ISSUED", status, 1, null, Instant.EPOCH, null, null, null);
    }

    @Test
    void aPendingInvoiceIsNotSent() {
        assertEquals(DeliveryStatus.NOT_ISSUED, DeliveryStatus.of(false, List.of()));
    }

    @Test
    void anIssuedInvoiceWithoutMessagesHadNoRecipients() {
        assertEquals(DeliveryStatus.NO_RECIPIENTS, DeliveryStatus.of(true, List.of()));
    }

    @Test
    void aMessageOnItsWayMakesTheInvoiceQueued() {
        assertEquals(
                DeliveryStatus.QUEUED,
                DeliveryStatus.of(
                        true,
                        List.of(
                                message(1, "a@x.example", MailStatus.SENT),
                                message(2, "b@x.example", MailStatus.SENDING))));
    }

    @Test
    void allFailedSomeFailedAllSent() {
        assertEquals(
                DeliveryStatus.FAILED,
                DeliveryStatus.of(
                        true,
                        List.of(
                                message(1, "a@x.example", MailStatus.FAILED),
                                message(2, "b@x.example", MailStatus.FAILED))));
        assertEquals(
                DeliveryStatus.PARTLY_FAILED,
                DeliveryStatus.of(
                        true,
                        List.of(
                                message(1, "a@x.example", MailStatus.SENT),
                                message(2, "b@x.example", MailStatus.FAILED))));
        assertEquals(
                DeliveryStatus.SENT,
                DeliveryStatus.of(
                        true,
                        List.of(
                                message(1, "a@x.example", MailStatus.SENT),
                                message(2, "b@x.example", MailStatus.SENT))));
    }

    @Test
    void aLaterMessageToTheSameRecipientMakesUpForAnEarlierFailure() {
        assertEquals(
                DeliveryStatus.SENT,
                DeliveryStatus.of(
                        true,
                        List.of(
                                message(3, "a@x.example", MailStatus.SENT),
                                message(1, "a@x.example", MailStatus.FAILED))));
        assertEquals(
                DeliveryStatus.FAILED,
                DeliveryStatus.of(
                        true,
                        List.of(
                                message(1, "a@x.example", MailStatus.SENT),
                                message(3, "a@x.example", MailStatus.FAILED))));
    }
}
