package org.billing.invoicing.document;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An invoice template as its readers see it (seed 001: id, name, filename, SHA1, created at), with
 * where it is used.
 *
 * @param size the file's size in bytes
 * @param globalDefault whether it is the global default template (seed 003)
 * @param usedBy the account assignments that name it
 */
public record TemplateView(
        long id,
        String name,
        String filename,
        String sha1,
        long size,
        OffsetDateTime createdAt,
        String createdBy,
        boolean globalDefault,
        List<Assignment> usedBy) {

    /** A template assigned to an account for one direction. */
    public record Assignment(long accountId, String accountName, String direction) {}
}
