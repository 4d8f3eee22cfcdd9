package org.billing.invoicing.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Reads a PDF back as text with pdftotext (poppler-utils), as a reader would see it. */
public final class Pdf {

    private Pdf() {}

    public static boolean canRead() {
        return Files.isExecutable(Path.of("/usr/bin/pdftotext"));
    }

    public static String text(byte[] pdf) {
        Assumptions.assumeTrue(canRead(), "pdftotext (poppler-utils) is not installed: apt-get install poppler-utils");
        try {
            Path file = Files.createTempFile("invoice", ".pdf");
            try {
                Files.write(file, pdf);
                Process process = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-")
                        .redirectErrorStream(true)
                        .start();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("pdftotext failed: " + new String(out, StandardCharsets.UTF_8));
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
