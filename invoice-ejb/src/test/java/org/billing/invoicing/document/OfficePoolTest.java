package org.billing.invoicing.document;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PDF from the real LibreOffice, read back as text; and an office process killed during a
 * conversion: that conversion fails, the next one succeeds on the restarted process. CI installs
 * LibreOffice (bin/test); without it these tests are skipped, saying so.
 */
class OfficePoolTest {

    private static OfficePool pool;

    @BeforeAll
    static void start() {
        pool = new OfficePool(new OfficePool.Config(Path.of("/usr/lib/libreoffice"), 1, Duration.ofSeconds(30), 200));
        Assumptions.assumeTrue(
                pool.installed(),
                "LibreOffice is not installed at /usr/lib/libreoffice: apt-get install libreoffice-writer-nogui");
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.stop();
        }
    }

    @Test
    void thePdfHoldsTheFiguresAndTheNumber() {
        byte[] odt = new OdtRenderer().render(DocumentFixtures.demoTemplate(), DocumentFixtures.data());
        String text = Pdf.text(pool.toPdf(odt));

        assertTrue(text.contains("No. INV-2026-000001"), text);
        assertTrue(text.contains("Total due: 10.57"), text);
        assertTrue(text.contains("<b>&\"x\" Telecom"), "the contractor's name as it is");
        assertTrue(text.contains("62.08"), "decimal minutes");
        assertTrue(text.contains("49151") && text.contains("3.90"), "a destination row");
        assertTrue(text.contains("Refund") && text.contains("-0.13"), "the refund service");
        assertTrue(text.contains("Page 1 of"), "page numbers");
        assertFalse(Placeholders.PLACEHOLDER.matcher(text).find(), "no placeholder left");
    }

    @Test
    void anOfficeKilledDuringAConversionFailsItAndTheRetrySucceeds() throws Exception {
        byte[] big = new OdtRenderer().render(DocumentFixtures.demoTemplate(), DocumentFixtures.withRows(1_500));
        pool.toPdf(new OdtRenderer().render(DocumentFixtures.demoTemplate(), DocumentFixtures.data())); // warm
        CompletableFuture<byte[]> conversion = CompletableFuture.supplyAsync(() -> pool.toPdf(big));
        Thread.sleep(700); // the conversion of ~100 pages is under way
        List<ProcessHandle> offices = OfficePool.officeProcesses();
        assertFalse(offices.isEmpty(), "an office process runs");
        offices.forEach(ProcessHandle::destroyForcibly);

        Exception failure = assertThrows(Exception.class, () -> conversion.get(60, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof DocumentException, String.valueOf(failure));

        String retried = Pdf.text(
                pool.toPdf(new OdtRenderer().render(DocumentFixtures.demoTemplate(), DocumentFixtures.data())));
        assertTrue(retried.contains("INV-2026-000001"));
    }

    /**
     * Each office process runs on a profile of its own in a directory only this user may read, made from
     * a template that switches macro execution off, whatever the machine's LibreOffice defaults are.
     */
    @Test
    void theOfficeRunsOnAPrivateProfileWithMacrosDisabled() throws Exception {
        pool.toPdf(new OdtRenderer().render(DocumentFixtures.demoTemplate(), DocumentFixtures.data()));

        List<String> installations = OfficePool.officeProcesses().stream()
                .flatMap(process -> process.info().arguments().stream().flatMap(java.util.Arrays::stream))
                .filter(argument -> argument.startsWith("-env:UserInstallation="))
                .toList();
        assertFalse(installations.isEmpty(), "the office processes name their profile");
        for (String installation : installations) {
            Path profile = Path.of(java.net.URI.create(installation.substring("-env:UserInstallation=".length())));
            assertTrue(profile.startsWith(pool.profiles()), profile + " is not under " + pool.profiles());
            assertTrue(
                    java.nio.file.Files.getPosixFilePermissions(pool.profiles())
                            .equals(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")),
                    "private to this user");
            String registry = java.nio.file.Files.readString(profile.resolve("user/registrymodifications.xcu"));
            assertTrue(
                    registry.matches("(?s).*<prop oor:name=\"DisableMacrosExecution\"[^>]*><value>true</value>.*"),
                    registry);
        }
    }
}
