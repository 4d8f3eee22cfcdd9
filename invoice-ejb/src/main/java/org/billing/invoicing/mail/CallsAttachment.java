package org.billing.invoicing.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.billing.invoicing.database.Settings;
import org.billing.invoicing.invoice.InvoiceService;

/**
 * The invoice's calls attached to its email (issue 13: "optionally attached, gzipped, to the invoice email per
 * account"): the call detail export, gzipped, written from the database to a temporary file when the message
 * leaves and read from that file as the message is written to the SMTP server, so that no size of invoice puts
 * it in memory. The file is deleted once the attempt is over, sent or not; the outbox keeps only its name.
 */
final class CallsAttachment {

    /** The largest calls file attached, gzipped, in bytes ({@code invoicing.mail.calls-attachment-max-size}). */
    static final String MAX_SIZE = "invoicing.mail.calls-attachment-max-size";

    static final long DEFAULT_MAX_SIZE = 10L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(CallsAttachment.class.getName());

    private CallsAttachment() {}

    /** {@code calls-<number>.csv.gz}, reduced to letters, digits, {@code .}, {@code -} and {@code _}. */
    static String fileName(String number, long invoiceId) {
        String name = number == null ? "invoice-" + invoiceId : number;
        return "calls-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv.gz";
    }

    /** Writes the invoice's calls, gzipped, to a new file only the server's user may read. */
    static Path write(InvoiceService invoices, long invoiceId) throws IOException {
        Path file = Files.createTempFile(
                "invoicing-calls-",
                ".csv.gz",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            invoices.writeCalls(invoices.callExport(invoiceId), out, true);
            return file;
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    static long maxSize() {
        return Settings.value(MAX_SIZE)
                .map(text -> {
                    try {
                        return Long.parseLong(text.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalStateException(
                                "The setting " + MAX_SIZE + " is a number of bytes; got '" + text + "'.", e);
                    }
                })
                .orElse(DEFAULT_MAX_SIZE);
    }

    static boolean fits(Path file) {
        try {
            return Files.size(file) <= maxSize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line the email says instead, when the file is larger than an email may carry here. */
    static String tooLarge(long size) {
        return String.format(
                Locale.ROOT,
                "The calls of this invoice (%.1f MiB compressed) are more than an email may"
                        + " carry here (%.1f MiB); ask us for the file.",
                size / 1048576.0,
                maxSize() / 1048576.0);
    }

    static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete the calls file " + file, e);
        }
    }
}
