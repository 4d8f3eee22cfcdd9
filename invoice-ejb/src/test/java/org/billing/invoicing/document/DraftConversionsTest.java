package org.billing.invoicing.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.junit.jupiter.api.Test;

/** At most so many drafts of one user in the making; others' are not held up; a failed one frees its place. */
class DraftConversionsTest {

    @Test
    void aUserHasAtMostTheBoundInTheMakingAndOthersAreNotHeldUp() throws Exception {
        DraftConversions.Limit limit = new DraftConversions.Limit(2);
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?>[] running = new CompletableFuture<?>[2];
        for (int i = 0; i < 2; i++) {
            running[i] = CompletableFuture.runAsync(() -> limit.run("victor", () -> {
                started.countDown();
                await(release);
                return "pdf";
            }));
        }
        started.await(10, TimeUnit.SECONDS);

        InvoicingException refused = assertThrows(InvoicingException.class, () -> limit.run("victor", () -> "pdf"));
        assertEquals(ErrorCode.TOO_MANY_DRAFTS, refused.code());
        assertEquals("pdf", limit.run("olga", () -> "pdf"));

        release.countDown();
        CompletableFuture.allOf(running).get(10, TimeUnit.SECONDS);
        assertEquals(0, limit.running("victor"));
        assertThrows(
                IllegalStateException.class,
                () -> limit.run("victor", () -> {
                    throw new IllegalStateException("LibreOffice failed");
                }));
        assertEquals(0, limit.running("victor"), "a failed draft frees its place");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
