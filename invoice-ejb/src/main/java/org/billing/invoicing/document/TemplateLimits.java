package org.billing.invoicing.document;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.database.Settings;

/**
 * How big a template may be: the uploaded file, what it inflates to, and its number of entries.
 *
 * @param maxFileBytes {@code invoicing.template.max-size}, default 10 MiB
 * @param maxUncompressedBytes {@code invoicing.template.max-uncompressed-size}, default 100 MiB
 * @param maxEntries {@code invoicing.template.max-entries}, default 1,000
 */
public record TemplateLimits(long maxFileBytes, long maxUncompressedBytes, int maxEntries) {

    public static final long MIB = 1024 * 1024;

    public static TemplateLimits defaults() {
        return new TemplateLimits(10 * MIB, 100 * MIB, 1_000);
    }

    public static TemplateLimits fromSettings() {
        TemplateLimits defaults = defaults();
        return new TemplateLimits(
                Settings.value("invoicing.template.max-size")
                        .map(Long::parseLong)
                        .orElse(defaults.maxFileBytes),
                Settings.value("invoicing.template.max-uncompressed-size")
                        .map(Long::parseLong)
                        .orElse(defaults.maxUncompressedBytes),
                Settings.value("invoicing.template.max-entries")
                        .map(Integer::parseInt)
                        .orElse(defaults.maxEntries));
    }

    /**
     * Refuses a file of {@code size} bytes when it is over {@link #maxFileBytes()}, with the refusal the
     * check of the whole file gives ({@code TEMPLATE_TOO_LARGE}, about the {@code file}): a caller that holds
     * an uploaded part need not read a file into memory only to have it refused.
     */
    public void requireFileSize(long size) {
        if (size > maxFileBytes) {
            throw new InvoicingException(ErrorCode.TEMPLATE_TOO_LARGE, "file", tooLarge(size));
        }
    }

    String tooLarge(long size) {
        return "The file has " + size + " bytes; at most " + maxFileBytes + " are accepted.";
    }
}
