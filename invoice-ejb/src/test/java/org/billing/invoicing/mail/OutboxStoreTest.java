package org.billing.invoicing.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.billing.invoicing.mail.InvoiceAttachments.Attachment;
import org.billing.invoicing.mail.MailTemplates.RenderedMail;
import org.billing.invoicing.testing.FixtureDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox's claims on a real PostgreSQL: what keeps a message from being sent twice. */
class OutboxStoreTest {

    private static final Instant NOW = Instant.parse("2026-04-02T09:00:00Z");
    private static final RenderedMail MAIL = new RenderedMail("Invoice INV-1", "Dear Acme", "Acme_INV-1.pdf");

    @RegisterExtension
    static final FixtureDatabase database =
            new FixtureDatabase("/fixtures/march-2026.sql", "/fixtures/invoice-1-pending.sql");

    private final OutboxStore store = new OutboxStore();

    @BeforeAll
    static void startDatabaseWithAnApprovedInvoice() throws Exception {
        execute(
                "UPDATE invoice SET state = 'APPROVED', number = 'INV-1', series_id = 1, issued_at = now() WHERE id = 1");
    }

    @BeforeEach
    void emptyOutbox() throws SQLException {
        execute("DELETE FROM mail_outbox");
    }

    @Test
    void aQueuedMessageIsClaimedOnceWithItsContent() throws SQLException {
        try (Connection connection = database.connection()) {
            long id = store.queue(
                    connection,
                    1,
                    "ISSUED",
                    "operator",
                    "a@acme.example",
                    MAIL,
                    new Attachment(new byte[] {1, 2, 3}, "application/pdf"),
                    NOW);

            List<OutgoingMail> first = store.claimDue(connection, NOW, NOW.plusSeconds(60), 10);
            List<OutgoingMail> second = store.claimDue(connection, NOW, NOW.plusSeconds(60), 10);

            assertEquals(1, first.size());
            OutgoingMail mail = first.get(0);
            assertEquals(id, mail.id());
            assertEquals("a@acme.example", mail.recipient());
            assertEquals("Invoice INV-1", mail.subject());
            assertEquals("Acme_INV-1.pdf", mail.attachmentName());
            assertEquals("application/pdf", mail.attachmentType());
            assertEquals(3, mail.attachment().length);
            assertEquals(1, mail.attempts());
            assertTrue(second.isEmpty(), "a claimed message is not claimed again");
        }
    }

    @Test
    void twoSendersClaimingAtOnceNeverGetTheSameMessage() throws Exception {
        try (Connection setup = database.connection()) {
            for (int i = 0; i < 20; i++) {
                store.queue(setup, 1, "ISSUED", "operator", "r" + i + "@acme.example", MAIL, null, NOW);
            }
        }
        try (Connection one = database.connection();
                Connection other = database.connection()) {
            one.setAutoCommit(false);
            other.setAutoCommit(false);
            List<OutgoingMail> claimedByOne = store.claimDue(one, NOW, NOW.plusSeconds(60), 15);
            // The first claim is not committed yet: its rows are locked and skipped, not waited for.
            List<OutgoingMail> claimedByOther = store.claimDue(other, NOW, NOW.plusSeconds(60), 15);
            one.commit();
            other.commit();

            assertEquals(15, claimedByOne.size());
            assertEquals(5, claimedByOther.size());
            List<Long> ids = new ArrayList<>();
            claimedByOne.forEach(mail -> ids.add(mail.id()));
            claimedByOther.forEach(mail -> assertFalse(ids.contains(mail.id())));
        }
    }

    @Test
    void aMessageIsNotClaimedBeforeItsNextAttempt() throws SQLException {
        try (Connection connection = database.connection()) {
            store.queue(connection, 1, "ISSUED", "operator", "a@acme.example", MAIL, null, NOW);
            OutgoingMail mail =
                    store.claimDue(connection, NOW, NOW.plusSeconds(60), 1).get(0);

            assertTrue(store.markAttemptFailed(connection, mail, "421 try later", NOW.plusSeconds(30)));

            assertTrue(store.claimDue(connection, NOW.plusSeconds(29), NOW.plusSeconds(90), 1)
                    .isEmpty());
            OutgoingMail again = store.claimDue(connection, NOW.plusSeconds(30), NOW.plusSeconds(90), 1)
                    .get(0);
            assertEquals(2, again.attempts());
            MailDelivery delivery = store.deliveries(connection, 1).get(0);
            assertEquals(MailStatus.SENDING, delivery.status());
            assertEquals("421 try later", delivery.lastError());
        }
    }

    @Test
    void onlyTheHolderOfTheClaimRecordsTheOutcome() throws SQLException {
        try (Connection connection = database.connection()) {
            store.queue(connection, 1, "ISSUED", "operator", "a@acme.example", MAIL, null, NOW);
            OutgoingMail mail =
                    store.claimDue(connection, NOW, NOW.plusSeconds(60), 1).get(0);
            OutgoingMail impostor = new OutgoingMail(
                    mail.id(), 1, mail.recipient(), "", "", null, null, null, 1, java.util.UUID.randomUUID(), NOW);

            assertFalse(store.markSent(connection, impostor, NOW));
            assertFalse(store.markAttemptFailed(connection, impostor, "x", null));
            assertTrue(store.markSent(connection, mail, NOW.plusSeconds(1)));
            assertFalse(store.markAttemptFailed(connection, mail, "late", null), "a sent message stays sent");

            MailDelivery delivery = store.deliveries(connection, 1).get(0);
            assertEquals(MailStatus.SENT, delivery.status());
            assertEquals(NOW.plusSeconds(1), delivery.sentAt());
            assertNull(delivery.lastError());
        }
    }

    @Test
    void aMessageWhoseSenderStoppedIsGivenUpNotSentAgain() throws SQLException {
        try (Connection connection = database.connection()) {
            store.queue(connection, 1, "ISSUED", "operator", "a@acme.example", MAIL, null, NOW);
            OutgoingMail mail =
                    store.claimDue(connection, NOW, NOW.plusSeconds(60), 1).get(0);

            assertTrue(store.failAbandoned(connection, NOW.plusSeconds(60)).isEmpty(), "the lease still runs");
            List<OutboxStore.AbandonedRow> abandoned = store.failAbandoned(connection, NOW.plusSeconds(61));

            assertEquals(1, abandoned.size());
            assertEquals(1, abandoned.get(0).invoiceId());
            assertTrue(store.claimDue(connection, NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(2)), 10)
                    .isEmpty());
            assertEquals(
                    MailStatus.FAILED, store.deliveries(connection, 1).get(0).status());
            // The slow sender did get it out in the end: the record says so.
            assertTrue(store.markSent(connection, mail, NOW.plusSeconds(62)));
            assertEquals(MailStatus.SENT, store.deliveries(connection, 1).get(0).status());
        }
    }

    @Test
    void theRecipientsOnTheirWayAreThoseQueuedOrSending() throws SQLException {
        try (Connection connection = database.connection()) {
            store.queue(connection, 1, "ISSUED", "operator", "a@acme.example", MAIL, null, NOW);
            store.queue(connection, 1, "ISSUED", "operator", "b@acme.example", MAIL, null, NOW);
            store.queue(connection, 1, "ISSUED", "operator", "c@acme.example", MAIL, null, NOW);
            OutgoingMail first =
                    store.claimDue(connection, NOW, NOW.plusSeconds(60), 1).get(0);
            store.markSent(connection, first, NOW);
            store.claimDue(connection, NOW, NOW.plusSeconds(60), 1);

            assertEquals(Set.of("b@acme.example", "c@acme.example"), store.recipientsOnTheirWay(connection, 1));
        }
    }

    @Test
    void anIssuedInvoiceStaysUntouchedByItsDeliveries() throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            store.queue(connection, 1, "ISSUED", "operator", "a@acme.example", MAIL, null, NOW);
            store.markSent(
                    connection,
                    store.claimDue(connection, NOW, NOW.plusSeconds(60), 1).get(0),
                    NOW);

            try (var row = statement.executeQuery("SELECT state, number FROM invoice WHERE id = 1")) {
                row.next();
                assertEquals("APPROVED", row.getString(1));
                assertEquals("INV-1", row.getString(2));
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * The invoice's PDF is kept with a message only while it may still be sent, and for the retention
     * after: then the bytes go (the delivery still names what was attached); a message on its way keeps them.
     */
    @Test
    void theAttachmentsBytesGoOnceTheMessageIsSentAndTheRetentionIsOver() throws SQLException {
        try (Connection connection = database.connection()) {
            long sent = store.queue(
                    connection,
                    1,
                    "ISSUED",
                    "operator",
                    "a@acme.example",
                    MAIL,
                    new Attachment(new byte[] {1, 2, 3}, "application/pdf"),
                    NOW);
            OutgoingMail mail =
                    store.claimDue(connection, NOW, NOW.plusSeconds(60), 1).get(0);
            assertTrue(store.markSent(connection, mail, NOW.plusSeconds(1)));
            long waiting = store.queue(
                    connection,
                    1,
                    "RESEND",
                    "operator",
                    "b@acme.example",
                    MAIL,
                    new Attachment(new byte[] {4, 5}, "application/pdf"),
                    NOW);

            assertEquals(0, store.forgetAttachments(connection, NOW));
            assertEquals(3, attachmentBytes(sent));

            assertEquals(1, store.forgetAttachments(connection, NOW.plusSeconds(2)));
            assertEquals(-1, attachmentBytes(sent));
            assertEquals(2, attachmentBytes(waiting), "a message on its way keeps its attachment");
            assertEquals(
                    "Acme_INV-1.pdf",
                    store.deliveries(connection, 1).stream()
                            .filter(delivery -> delivery.id() == sent)
                            .findFirst()
                            .orElseThrow()
                            .attachmentName());
        }
    }

    /** The attachment's length, -1 when the bytes are gone. */
    private static int attachmentBytes(long id) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT length(attachment) FROM mail_outbox WHERE id = " + id)) {
            row.next();
            int length = row.getInt(1);
            return row.wasNull() ? -1 : length;
        }
    }
}
