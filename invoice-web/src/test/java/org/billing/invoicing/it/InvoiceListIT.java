package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.assertProblem;
import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.billing.invoicing.testing.GeneratedInvoices;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The invoice list on the deployed WAR as integrations use it: filters, the search box, keyset paging
 * that returns every invoice once while others are created, the bounded total above 10,000 invoices,
 * and the refusals of bad paging input. Many invoices are generated with SQL, as the platform's own
 * automatic invoicing would have made them, next to some made through the API.
 */
@ExtendWith(DeployedModule.class)
class InvoiceListIT {

    private static final String INVOICES = "api/v1/invoices";

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http http = DeployedModule.deployment().http();

    @BeforeEach
    @AfterEach
    void noInvoices() throws Exception {
        Fixtures.removeInvoices(database);
    }

    private long create(long accountId, String direction, String startDate, String endDate) {
        Http.Response created = http.post(INVOICES, request(accountId, direction, startDate, endDate));
        assertEquals(201, created.status(), created.text());
        return created.jsonObject().getJsonNumber("id").longValue();
    }

    private JsonObject list(String query) {
        Http.Response response = http.get(INVOICES + "?" + query);
        assertEquals(200, response.status(), response.text());
        return response.jsonObject();
    }

    private List<Long> ids(String query) {
        JsonObject page = list(query);
        assertTrue(page.getBoolean("totalIsExact"), page.toString());
        List<Long> ids = page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(invoice -> invoice.getJsonNumber("id").longValue())
                .toList();
        assertEquals(ids.size(), page.getInt("total"), query);
        return ids;
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theFiltersAndTheSearchBoxSelectTheirInvoicesNewestFirst() {
        long january = create(10, "CUSTOMER", "2026-01-01", "2026-01-31");
        long february = create(10, "CUSTOMER", "2026-02-01", "2026-02-28");
        long march = create(10, "CUSTOMER", "2026-03-01", "2026-03-31");
        long vendorJanuary = create(20, "VENDOR", "2026-01-01", "2026-01-31");
        long vendorFebruary = create(20, "VENDOR", "2026-02-01", "2026-02-28");
        long prepay = create(30, "CUSTOMER", "2026-04-01", "2026-04-30"); // closed and numbered at once
        JsonObject approved = http.post(INVOICES + "/" + february + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                .jsonObject();
        String number = approved.getString("number");

        assertEquals(List.of(prepay, vendorFebruary, vendorJanuary, march, february, january), ids(""));
        assertEquals(List.of(march, february, january), ids("accountId=10"));
        assertEquals(List.of(vendorFebruary, vendorJanuary), ids("contractorId=2"));
        assertEquals(List.of(vendorFebruary, vendorJanuary), ids("direction=VENDOR"));
        assertEquals(List.of(february), ids("state=APPROVED"));
        assertEquals(List.of(prepay), ids("state=CLOSED"));
        assertEquals(List.of(vendorFebruary, vendorJanuary, march, january), ids("state=PENDING"));
        assertEquals(6, ids("type=MANUAL").size());
        assertEquals(List.of(), ids("type=AUTO"));
        assertEquals(List.of(prepay), ids("paymentModel=PREPAY"));
        assertEquals(List.of(vendorFebruary, march, february), ids("from=2026-02-15&to=2026-03-01"));
        assertEquals(List.of(prepay, march), ids("from=2026-03-01"));
        assertEquals(List.of(vendorJanuary, january), ids("to=2026-01-31"));
        assertEquals(List.of(vendorFebruary), ids("direction=VENDOR&from=2026-02-01&accountId=20"));

        // Seed 003's search box: a part of the number, the account's or the contractor's name, any case.
        assertEquals(List.of(february), ids(q(number.substring(number.length() - 5))));
        assertEquals(List.of(february), ids(q(number.toLowerCase())));
        assertEquals(List.of(prepay, march, february, january), ids(q("acme"))); // contractor Acme Telecom
        assertEquals(List.of(march, february, january), ids(q("WHOLESALE"))); // account Acme wholesale
        assertEquals(List.of(vendorFebruary, vendorJanuary), ids(q("carrier b")));
        assertEquals(List.of(vendorFebruary), ids(q("carrier b") + "&from=2026-02-01"));
        assertEquals(List.of(march, january), ids(q("acme") + "&state=PENDING"));
        assertEquals(List.of(), ids(q("%")));
        assertEquals(List.of(), ids(q("nobody at all")));
        assertEquals(6, ids(q("   ")).size());

        JsonObject page = list("size=2");
        assertEquals(6, page.getInt("total"));
        assertTrue(page.getBoolean("totalIsExact"));
        assertNotNull(page.getString("nextCursor"));
        assertTrue(list("size=6").isNull("nextCursor"));
    }

    /** The ids of every invoice newest first, straight from the database: what a walk must return. */
    private List<Long> allIds() throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT id FROM invoice ORDER BY created_at DESC, id DESC")) {
            while (row.next()) {
                ids.add(row.getLong(1));
            }
        }
        return ids;
    }

    @Test
    void aCursorWalkReturnsEveryInvoiceOnceWhileOthersAreCreated() throws Exception {
        try (Connection connection = database.connection()) {
            GeneratedInvoices.insert(connection, 1, 1_000);
        }
        create(10, "CUSTOMER", "2025-01-01", "2025-01-31");
        List<Long> existing = allIds();

        List<Long> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        int month = 2;
        do {
            JsonObject page = list("size=75" + (cursor == null ? "" : "&cursor=" + cursor));
            page.getJsonArray("items")
                    .getValuesAs(JsonObject.class)
                    .forEach(invoice -> walked.add(invoice.getJsonNumber("id").longValue()));
            cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
            pages++;
            // Meanwhile: an invoice made through the API (newer than all: before the first page), and
            // rows written by SQL whose place is among the pages already walked.
            if (month <= 12) {
                create(10, "CUSTOMER", String.format("2025-%02d-01", month), String.format("2025-%02d-28", month));
                month++;
            }
            try (Connection connection = database.connection()) {
                GeneratedInvoices.insert(connection, 1_000 + pages * 10L, 10);
            }
        } while (cursor != null);

        assertEquals(existing.size(), walked.size());
        assertEquals(walked.size(), new HashSet<>(walked).size(), "no invoice twice");
        assertEquals(existing, walked, "every invoice that existed, in the list's order");
        assertEquals(existing.size() + 11 + pages * 10, allIds().size(), "the others were made meanwhile");

        // Walked by page numbers, the pages would have shifted: the list now starts with the new ones.
        List<Long> firstPage = list("size=75&page=0").getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(invoice -> invoice.getJsonNumber("id").longValue())
                .toList();
        assertFalse(existing.contains(firstPage.get(0)), "a new invoice heads the list now");
    }

    @Test
    void aboveTenThousandInvoicesTheTotalSaysMoreThanAndTheFiltersStillCountExactly() throws Exception {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            GeneratedInvoices.insert(connection, 1, 10_500);
            statement.execute("ANALYZE invoice");
        }

        JsonObject all = list("size=50");
        assertEquals(10_000, all.getInt("total"));
        assertFalse(all.getBoolean("totalIsExact"));
        assertEquals(50, all.getJsonArray("items").size());
        assertNotNull(all.getString("nextCursor"));

        JsonObject pending = list("state=PENDING&size=10");
        assertEquals(1_050, pending.getInt("total"));
        assertTrue(pending.getBoolean("totalIsExact"));
        JsonObject account = list("accountId=20&direction=VENDOR");
        assertTrue(account.getBoolean("totalIsExact"));
        assertEquals(count("account_id = 20 AND direction = 'VENDOR'"), account.getInt("total"));

        // A page deep in the list is still served, by number as by cursor.
        JsonObject page200 = list("size=50&page=200");
        assertEquals(50, page200.getJsonArray("items").size());
        assertFalse(page200.getBoolean("totalIsExact"));
    }

    private long count(String where) throws Exception {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM invoice WHERE " + where)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void badPagingInputIsRefusedNamingTheField() {
        assertProblem(http.get(INVOICES + "?page=-1"), 400, "VALIDATION_FAILED", "page");
        assertProblem(http.get(INVOICES + "?page=2147483648"), 400, "VALIDATION_FAILED", "page");
        assertProblem(http.get(INVOICES + "?page=2147483647"), 400, "VALIDATION_FAILED", "page");
        assertProblem(http.get(INVOICES + "?page=2001&size=50"), 400, "VALIDATION_FAILED", "page");
        assertProblem(http.get(INVOICES + "?page=abc"), 400, "VALIDATION_FAILED", "page");
        assertProblem(http.get(INVOICES + "?size=0"), 400, "VALIDATION_FAILED", "size");
        assertProblem(http.get(INVOICES + "?size=501"), 400, "VALIDATION_FAILED", "size");
        assertProblem(http.get(INVOICES + "?size=99999999999"), 400, "VALIDATION_FAILED", "size");
        assertProblem(http.get(INVOICES + "?cursor=not-a-cursor"), 400, "VALIDATION_FAILED", "cursor");
        assertProblem(http.get(INVOICES + "?cursor=%25%00%ff"), 400, "VALIDATION_FAILED", "cursor");
        assertProblem(http.get(INVOICES + "?cursor=" + "A".repeat(2_000)), 400, "VALIDATION_FAILED", "cursor");
        String cursor = list("size=1").isNull("nextCursor")
                ? "djEuMS4yLjM"
                : list("size=1").getString("nextCursor");
        assertProblem(http.get(INVOICES + "?cursor=" + cursor + "&page=1"), 400, "VALIDATION_FAILED", "page");
        assertProblem(http.get(INVOICES + "?cursor=" + cursor + "&size=0"), 400, "VALIDATION_FAILED", "size");
        assertProblem(http.get(INVOICES + "?" + q("x".repeat(101))), 400, "VALIDATION_FAILED", "q");
        assertEquals(200, http.get(INVOICES + "?page=2000&size=50").status());
        assertEquals(200, http.get(INVOICES + "?cursor=djEuMS4yLjM").status());
    }
}
