package org.billing.invoicing.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.billing.invoicing.testing.FixtureDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A document that keeps failing is retried with a growing delay, up to {@code invoicing.document.max-attempts}
 * (10) attempts, then no more: its last failure stays shown, saying so.
 */
class DocumentStoreTest {

    private static final Instant NOW = Instant.parse("2026-04-02T09:00:00Z");

    @RegisterExtension
    static final FixtureDatabase database =
            new FixtureDatabase("/fixtures/march-2026.sql", "/fixtures/invoice-1-pending.sql");

    @Test
    void retriesStopAfterTheLastAttemptAndTheFinalFailureStays() throws Exception {
        try (Connection connection = database.connection()) {
            DocumentStore.request(connection, 1, NOW);
            Instant now = NOW;
            for (int attempt = 1; attempt <= 10; attempt++) {
                assertEquals(List.of(1L), DocumentStore.due(connection, now, 10), "attempt " + attempt + " is due");
                assertTrue(DocumentStore.claim(connection, 1, now, false));
                DocumentStore.failed(connection, 1, null, null, null, "PDF: LibreOffice failed (" + attempt + ")", now);
                now = now.plus(Duration.ofHours(1));
            }

            // Never due again, however late: nothing retries it for ever.
            assertEquals(List.of(), DocumentStore.due(connection, now.plus(Duration.ofDays(365)), 10));
            InvoiceDocument document = DocumentStore.find(connection, 1, false).orElseThrow();
            assertEquals(InvoiceDocument.Status.FAILED, document.status());
            assertEquals(10, document.attempts());
            assertEquals(
                    "PDF: LibreOffice failed (10). Gave up after 10 attempts: make the document again to retry.",
                    document.failure());
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery(
                            "SELECT next_attempt_at FROM invoice_document WHERE invoice_id = 1")) {
                row.next();
                assertEquals(null, row.getObject(1));
            }

            // An operator may still ask: the claim is forced, and one more attempt is made.
            assertTrue(DocumentStore.claim(connection, 1, now, true));
        }
    }
}
