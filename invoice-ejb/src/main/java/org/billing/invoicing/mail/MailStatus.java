package org.billing.invoicing.mail;

/** Where one message of the outbox is: waiting, being handed to the SMTP server, delivered, given up. */
public enum MailStatus {
    QUEUED,
    SENDING,
    SENT,
    FAILED;

    public boolean onItsWay() {
        return this == QUEUED || this == SENDING;
    }
}
