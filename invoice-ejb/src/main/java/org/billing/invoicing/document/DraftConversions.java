package org.billing.invoicing.document;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.database.Settings;

/**
 * How many documents made on demand (a Pending invoice's draft PDF or ODT, a template's preview) one
 * user may have in the making at once: {@code invoicing.document.drafts-per-user}, default 2. Every role
 * may ask for them with a GET, and each costs a fill and a LibreOffice conversion; past the bound the
 * request is refused at once ({@code TOO_MANY_DRAFTS}, 429) rather than queued, so that one user's
 * script cannot take the office pool from everybody else.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DraftConversions {

    static final int DEFAULT_PER_USER = 2;

    private final Limit limit = new Limit(perUser());

    /** Makes the document for {@code user}, or refuses when that user has as many in the making already. */
    public <T> T make(String user, Supplier<T> conversion) {
        return limit.run(user, conversion);
    }

    private static int perUser() {
        String configured = Settings.value("invoicing.document.drafts-per-user").orElse(null);
        if (configured == null) {
            return DEFAULT_PER_USER;
        }
        try {
            int value = Integer.parseInt(configured);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(
                "invoicing.document.drafts-per-user is '" + configured + "': it must be a whole number of at least 1");
    }

    /** The bound itself, plain Java. */
    static final class Limit {
        private final int perUser;
        private final ConcurrentHashMap<String, Integer> running = new ConcurrentHashMap<>();

        Limit(int perUser) {
            this.perUser = perUser;
        }

        <T> T run(String user, Supplier<T> conversion) {
            boolean[] taken = {false};
            running.compute(user, (name, count) -> {
                int now = count == null ? 0 : count;
                if (now >= perUser) {
                    return count;
                }
                taken[0] = true;
                return now + 1;
            });
            if (!taken[0]) {
                throw new InvoicingException(
                        ErrorCode.TOO_MANY_DRAFTS,
                        "You have " + perUser + " documents being" + " made already; ask again once they are done.");
            }
            try {
                return conversion.get();
            } finally {
                running.computeIfPresent(user, (name, count) -> count <= 1 ? null : count - 1);
            }
        }

        int running(String user) {
            return running.getOrDefault(user, 0);
        }
    }
}
