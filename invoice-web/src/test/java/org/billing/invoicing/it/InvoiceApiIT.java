package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged WAR on Payara Micro against a real PostgreSQL, driven over HTTP as an integration
 * would. The data is the hand-checked fixture of invoice-ejb's InvoiceCalculatorTest
 * ({@code march-2026.sql}), so the figures expected here are the ones worked out there.
 */
@ExtendWith(DeployedModule.class)
class InvoiceApiIT {

    private static final String INVOICES = "api/v1/invoices";

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http http = DeployedModule.deployment().http();

    @BeforeEach
    void noInvoices() throws Exception {
        Fixtures.removeInvoices(database);
    }

    static JsonObject request(long accountId, String direction, String startDate, String endDate) {
        return Json.createObjectBuilder()
                .add("accountId", accountId)
                .add("direction", direction)
                .add("startDate", startDate)
                .add("endDate", endDate)
                .build();
    }

    private static JsonObject marchForAcme() {
        return request(10, "CUSTOMER", "2026-03-01", "2026-03-31");
    }

    private long storedInvoices() {
        return http.get(INVOICES).jsonObject().getJsonNumber("total").longValue();
    }

    @Test
    void calculateShowsTheInvoiceWithItsTablesAndStoresNothing() {
        Http.Response response = http.post(INVOICES + "/calculate", marchForAcme());

        assertEquals(200, response.status(), response.text());
        JsonObject invoice = response.jsonObject();
        assertTrue(invoice.isNull("id"));
        assertEquals("PENDING", invoice.getString("state"));
        assertEquals("MANUAL", invoice.getString("type"));
        assertEquals("10.57", decimal(invoice, "amount"));
        assertEquals(7, invoice.getInt("callsCount"));
        assertEquals("2026-03-01T00:00:00+01:00", invoice.getString("periodStart"));
        assertEquals("2026-04-01T00:00:00+02:00", invoice.getString("periodEnd"));
        JsonObject tables = invoice.getJsonObject("tables");
        assertEquals(4, tables.getJsonArray("INV_ORIG_DST_TABLE").size());
        assertEquals(2, tables.getJsonArray("INV_SRV_DATA_TABLE").size());
        assertEquals(0, storedInvoices());
    }

    @Test
    void createGetTablesListAndDeleteACustomerInvoice() {
        Http.Response created = http.post(INVOICES, marchForAcme());

        assertEquals(201, created.status(), created.text());
        String location = created.header("Location").orElseThrow();
        JsonObject invoice = created.jsonObject();
        long id = invoice.getJsonNumber("id").longValue();
        assertTrue(location.endsWith("/invoicing/api/v1/invoices/" + id), location);

        JsonObject read = http.get(INVOICES + "/" + id).jsonObject();
        assertEquals(1, read.getJsonNumber("contractorId").longValue());
        assertEquals(10, read.getJsonNumber("accountId").longValue());
        assertEquals("CUSTOMER", read.getString("direction"));
        assertEquals("PENDING", read.getString("state"));
        assertEquals("MANUAL", read.getString("type"));
        // What the state allows is the view's to say in Java, not a field of the published JSON.
        assertFalse(read.containsKey("pending") || read.containsKey("creditable"), read.toString());
        assertEquals("2026-03-01", read.getString("startDate"));
        assertEquals("2026-03-31", read.getString("endDate"));
        assertEquals("10.57", decimal(read, "amount"));
        assertEquals("13.62", decimal(read, "spent"));
        assertEquals("3.05", decimal(read, "earned"));
        assertEquals("1.12", decimal(read, "origSpent"));
        assertEquals("0.05", decimal(read, "origEarned"));
        assertEquals("12.50", decimal(read, "servicesSpent"));
        assertEquals("3.00", decimal(read, "servicesEarned"));
        assertEquals("0", decimal(read, "termSpent"));
        assertEquals(7, read.getInt("callsCount"));
        assertEquals(6, read.getInt("successfulCallsCount"));
        assertEquals(291, read.getInt("callsDuration"));
        assertEquals(540, read.getInt("billingDuration"));
        assertEquals("2026-03-01T00:00:00+01:00", read.getString("firstCallAt"));
        assertEquals("2026-03-31T23:59:59+02:00", read.getString("lastCallAt"));
        assertEquals("2026-03-01T00:00:00+01:00", read.getString("firstSuccessfulCallAt"));
        assertEquals("2026-03-31T23:59:59+02:00", read.getString("lastSuccessfulCallAt"));
        assertNotNull(read.getString("createdAt"));

        JsonArray destinations =
                http.get(INVOICES + "/" + id + "/tables/INV_ORIG_DST_TABLE").jsonArray();
        assertEquals(
                List.of("33", "491800", "4930", "4930"),
                destinations.getValuesAs(JsonObject.class).stream()
                        .map(row -> row.getString("dstPrefix"))
                        .toList());
        JsonObject telekom = destinations.getJsonObject(3);
        assertEquals("0.12", decimal(telekom, "rate"));
        assertEquals(4, telekom.getInt("callsCount"));
        assertEquals(3, telekom.getInt("successfulCallsCount"));
        assertEquals("0.48", decimal(telekom, "amount"));
        assertEquals("Germany", telekom.getString("country"));
        assertEquals("Telekom", telekom.getString("network"));
        JsonArray services =
                http.get(INVOICES + "/" + id + "/tables/INV_SRV_DATA_TABLE").jsonArray();
        assertEquals("Refund", services.getJsonObject(1).getString("service"));
        assertEquals("-3.00", decimal(services.getJsonObject(1), "amount"));
        assertEquals(
                0,
                http.get(INVOICES + "/" + id + "/tables/INV_TERM_DST_TABLE")
                        .jsonArray()
                        .size());

        JsonObject page = http.get(INVOICES + "?accountId=10&direction=CUSTOMER&from=2026-03-15&to=2026-04-30")
                .jsonObject();
        assertEquals(1, page.getInt("total"));
        assertEquals(
                id,
                page.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(0, http.get(INVOICES + "?direction=VENDOR").jsonObject().getInt("total"));
        assertEquals(0, http.get(INVOICES + "?from=2026-04-01").jsonObject().getInt("total"));

        assertEquals(204, http.delete(INVOICES + "/" + id).status());
        assertProblem(http.get(INVOICES + "/" + id), 404, "INVOICE_NOT_FOUND", null);
        assertEquals(0, storedInvoices());
    }

    @Test
    void vendorInvoiceSettlesTheTerminatedCallsInTheAccountsZone() {
        Http.Response created = http.post(INVOICES, request(20, "VENDOR", "2026-03-01", "2026-03-31"));

        assertEquals(201, created.status(), created.text());
        JsonObject invoice = created.jsonObject();
        assertEquals("0.37", decimal(invoice, "amount"));
        assertEquals("0.39", decimal(invoice, "termEarned"));
        assertEquals("0.02", decimal(invoice, "termSpent"));
        assertEquals(8, invoice.getInt("callsCount"));
        assertEquals("2026-04-01T00:00:00Z", invoice.getString("periodEnd"));
    }

    @Test
    void theListIsNewestFirstAndPaged() {
        for (String month : List.of("01", "02", "03")) {
            LocalDate first = LocalDate.parse("2026-" + month + "-01");
            assertEquals(
                    201,
                    http.post(
                                    INVOICES,
                                    request(
                                            10,
                                            "CUSTOMER",
                                            first.toString(),
                                            first.withDayOfMonth(first.lengthOfMonth())
                                                    .toString()))
                            .status());
        }

        JsonObject page = http.get(INVOICES + "?size=2&page=0").jsonObject();
        assertEquals(3, page.getInt("total"));
        assertEquals(List.of("2026-03-01", "2026-02-01"), startDates(page));
        assertEquals(
                List.of("2026-01-01"),
                startDates(http.get(INVOICES + "?size=2&page=1").jsonObject()));
    }

    @Test
    void eachRefusalAnswersItsCodeAndWritesNothing() {
        assertEquals(201, http.post(INVOICES, marchForAcme()).status());
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();

        assertProblem(
                http.post(INVOICES, request(10, "CUSTOMER", "2026-03-15", "2026-04-15")),
                409,
                "PERIOD_OVERLAP",
                "startDate");
        assertProblem(
                http.post(INVOICES, request(10, "CUSTOMER", "2026-10-01", tomorrow)),
                422,
                "PERIOD_IN_FUTURE",
                "endDate");
        assertProblem(
                http.post(INVOICES, request(10, "CUSTOMER", "2026-05-10", "2026-05-01")),
                422,
                "PERIOD_INVERTED",
                "endDate");
        assertProblem(
                http.post(INVOICES, request(999, "CUSTOMER", "2026-05-01", "2026-05-31")),
                404,
                "ACCOUNT_NOT_FOUND",
                "accountId");
        assertProblem(
                http.post(INVOICES, request(10, "RESELLER", "2026-05-01", "2026-05-31")),
                400,
                "VALIDATION_FAILED",
                "direction");
        assertProblem(
                http.post(INVOICES, request(10, "CUSTOMER", "2026-05-01", "31.05.2026")),
                400,
                "VALIDATION_FAILED",
                "endDate");
        assertProblem(
                http.post(
                        INVOICES,
                        Json.createObjectBuilder()
                                .add("accountId", 10)
                                .add("startDate", "2026-05-01")
                                .add("endDate", "2026-05-31")
                                .build()),
                400,
                "VALIDATION_FAILED",
                "direction");
        assertProblem(http.post(INVOICES, Json.createValue("not an object")), 400, "VALIDATION_FAILED", null);
        assertProblem(
                http.post(INVOICES + "/calculate", request(10, "CUSTOMER", "2026-10-01", tomorrow)),
                422,
                "PERIOD_IN_FUTURE",
                "endDate");
        assertProblem(http.get(INVOICES + "/123456789"), 404, "INVOICE_NOT_FOUND", null);
        assertProblem(http.get(INVOICES + "/abc"), 404, "INVOICE_NOT_FOUND", "id");
        assertProblem(http.get(INVOICES + "?direction=SIDEWAYS"), 400, "VALIDATION_FAILED", "direction");
        assertProblem(http.get(INVOICES + "?size=100000"), 400, "VALIDATION_FAILED", "size");
        assertProblem(http.delete(INVOICES + "/123456789"), 404, "INVOICE_NOT_FOUND", null);

        assertEquals(1, storedInvoices());
    }

    /** Issue 13: the call detail export; its sums are the invoice's figures, whichever side it settles. */
    @Test
    void theCallsFileOfAnInvoiceSumsToItsFigures() throws Exception {
        long customer = http.post(INVOICES, marchForAcme())
                .jsonObject()
                .getJsonNumber("id")
                .longValue();
        long vendor = http.post(INVOICES, request(20, "VENDOR", "2026-03-01", "2026-03-31"))
                .jsonObject()
                .getJsonNumber("id")
                .longValue();

        Http.BinaryResponse csv = http.getBytes(INVOICES + "/" + customer + "/calls.csv");
        assertEquals(200, csv.status(), csv.text());
        assertEquals(
                "text/csv", csv.header("Content-Type").orElse("").split(";")[0].trim());
        assertEquals(
                "attachment; filename=\"invoice-" + customer + "-calls.csv\"",
                csv.header("Content-Disposition").orElse(""));
        List<String[]> lines = csvLines(csv.body());
        assertEquals(
                "cdr_id,time_start,time_zone,prefix,country,network,duration,billed_duration,rate,amount,success,"
                        + "reverse_billing",
                String.join(",", lines.get(0)));
        // march-2026.sql: the last attempts 1, 2, 3, 5, 6, 7, 9 of account 10 in March in Berlin.
        assertEquals(
                List.of("1", "2", "3", "5", "6", "7", "9"),
                lines.subList(1, lines.size()).stream().map(line -> line[0]).toList());
        assertEquals("2026-03-01 00:00:00", lines.get(1)[1]);
        assertEquals("Europe/Berlin", lines.get(1)[2]);
        JsonObject invoice = http.get(INVOICES + "/" + customer).jsonObject();
        assertSumsAre(
                invoice,
                lines,
                new java.math.BigDecimal(invoice.getString("origSpent"))
                        .add(new java.math.BigDecimal(invoice.getString("origEarned"))));
        assertEquals(291, invoice.getInt("callsDuration"));

        Http.BinaryResponse gzip = http.getBytes(INVOICES + "/" + customer + "/calls.csv.gz");
        assertEquals(200, gzip.status(), gzip.text());
        assertEquals(
                "application/gzip",
                gzip.header("Content-Type").orElse("").split(";")[0].trim());
        assertEquals(
                "attachment; filename=\"invoice-" + customer + "-calls.csv.gz\"",
                gzip.header("Content-Disposition").orElse(""));
        try (java.util.zip.GZIPInputStream in =
                new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body()))) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(csv.body(), in.readAllBytes());
        }

        List<String[]> vendorLines =
                csvLines(http.getBytes(INVOICES + "/" + vendor + "/calls.csv").body());
        // Every attempt terminated to account 20 in March in UTC, the failed attempt 4 too.
        assertEquals(
                List.of("2", "3", "4", "5", "11", "7", "9", "8"),
                vendorLines.subList(1, vendorLines.size()).stream()
                        .map(line -> line[0])
                        .toList());
        JsonObject vendorInvoice = http.get(INVOICES + "/" + vendor).jsonObject();
        assertSumsAre(
                vendorInvoice,
                vendorLines,
                new java.math.BigDecimal(vendorInvoice.getString("termSpent"))
                        .add(new java.math.BigDecimal(vendorInvoice.getString("termEarned"))));

        // Issued, the file is named by the invoice's number.
        String number = http.post(INVOICES + "/" + customer + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                .jsonObject()
                .getString("number");
        String named = http.getBytes(INVOICES + "/" + customer + "/calls.csv")
                .header("Content-Disposition")
                .orElse("");
        assertEquals("attachment; filename=\"" + number.replaceAll("[^A-Za-z0-9._-]", "_") + "-calls.csv\"", named);

        assertProblem(http.get(INVOICES + "/123456789/calls.csv"), 404, "INVOICE_NOT_FOUND", null);
        assertProblem(http.get(INVOICES + "/123456789/calls.csv.gz"), 404, "INVOICE_NOT_FOUND", null);
        assertProblem(http.get(INVOICES + "/abc/calls.csv"), 404, "INVOICE_NOT_FOUND", "id");
    }

    /** The CSV's lines split at commas (march-2026.sql's names hold none), the header first. */
    private static List<String[]> csvLines(byte[] csv) {
        return java.util.Arrays.stream(new String(csv, java.nio.charset.StandardCharsets.UTF_8).split("\n"))
                .map(line -> line.split(",", -1))
                .toList();
    }

    private static void assertSumsAre(JsonObject invoice, List<String[]> lines, java.math.BigDecimal amount) {
        List<String[]> calls = lines.subList(1, lines.size());
        assertEquals(invoice.getInt("callsCount"), calls.size());
        assertEquals(
                invoice.getInt("successfulCallsCount"),
                calls.stream().filter(line -> line[10].equals("true")).count());
        assertEquals(
                invoice.getJsonNumber("callsDuration").longValue(),
                calls.stream().mapToLong(line -> Long.parseLong(line[6])).sum());
        assertEquals(
                invoice.getJsonNumber("billingDuration").longValue(),
                calls.stream().mapToLong(line -> Long.parseLong(line[7])).sum());
        java.math.BigDecimal sum = calls.stream()
                .map(line -> line[9].isEmpty() ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(line[9]))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        assertEquals(0, amount.compareTo(sum), amount + " != " + sum);
    }

    @Test
    void malformedJsonIsRefusedAsSuch() {
        Http.Response response = http.postText(INVOICES, "{\"accountId\": 10, \"direction\":");

        assertProblem(response, 400, "VALIDATION_FAILED", null);
        assertEquals(0, storedInvoices());
    }

    @Test
    void anIssuedInvoiceIsNotDeleted() {
        long id = http.post(INVOICES, marchForAcme())
                .jsonObject()
                .getJsonNumber("id")
                .longValue();
        assertEquals(
                200,
                http.post(INVOICES + "/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                        .status());

        assertProblem(http.delete(INVOICES + "/" + id), 409, "INVOICE_NOT_PENDING", null);
        assertEquals("APPROVED", http.get(INVOICES + "/" + id).jsonObject().getString("state"));
    }

    @Test
    void ofTwentyConcurrentOverlappingCreatesExactlyOneWins() throws Exception {
        int clients = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Http.Response>> creates = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            // Different periods, all containing 2026-03-20.
            String first = LocalDate.of(2026, 3, 1 + i % 10).toString();
            String last = LocalDate.of(2026, 3, 20 + i % 10).toString();
            creates.add(() -> {
                start.await();
                return http.post(INVOICES, request(20, "VENDOR", first, last));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (Callable<Http.Response> create : creates) {
                futures.add(pool.submit(create));
            }
            start.countDown();
            int won = 0;
            for (Future<Http.Response> future : futures) {
                Http.Response response = future.get();
                if (response.status() == 201) {
                    won++;
                } else {
                    assertProblem(response, 409, "PERIOD_OVERLAP", "startDate");
                }
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, storedInvoices());
    }

    @Test
    void contractorsAndAccountsAreReadable() {
        JsonObject acme = http.get("api/v1/accounts?contractorId=1").jsonObject();
        assertEquals(2, acme.getInt("total"));
        assertEquals(List.of("Acme retail", "Acme wholesale"), names(acme));
        JsonObject account = http.get("api/v1/accounts/10").jsonObject();
        assertEquals("Europe/Berlin", account.getString("timeZone"));
        assertEquals(7200, account.getInt("maxCallDuration"));
        assertEquals("Carrier B", http.get("api/v1/contractors/2").jsonObject().getString("name"));
        assertEquals(
                List.of("Acme Telecom", "Carrier B"),
                names(http.get("api/v1/contractors").jsonObject()));
        assertProblem(http.get("api/v1/accounts/77"), 404, "ACCOUNT_NOT_FOUND", "id");
        assertProblem(http.get("api/v1/nothing-here"), 404, "NOT_FOUND", null);
    }

    private static List<String> startDates(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("startDate"))
                .toList();
    }

    /** Money travels as a decimal string, unrounded, with the scale the sums have in the database. */
    private static String decimal(JsonObject object, String name) {
        return object.getString(name);
    }

    /** Issue 11: /accounts and /contractors answered everything at once; they are paged like /invoices. */
    @Test
    void contractorsAndAccountsComeAPageAtATime() {
        JsonObject second =
                http.get("api/v1/accounts?contractorId=1&page=1&size=1").jsonObject();
        assertEquals(2, second.getInt("total"));
        assertEquals(1, second.getInt("page"));
        assertEquals(1, second.getInt("size"));
        assertEquals(List.of("Acme wholesale"), names(second));
        JsonObject contractors = http.get("api/v1/contractors?size=1").jsonObject();
        assertEquals(2, contractors.getInt("total"));
        assertEquals(List.of("Acme Telecom"), names(contractors));
        assertEquals(50, http.get("api/v1/accounts").jsonObject().getInt("size"));

        assertProblem(http.get("api/v1/accounts?size=0"), 400, "VALIDATION_FAILED", "size");
        assertProblem(http.get("api/v1/contractors?size=501"), 400, "VALIDATION_FAILED", "size");
        assertProblem(http.get("api/v1/accounts?page=-1"), 400, "VALIDATION_FAILED", "page");
        assertProblem(http.get("api/v1/accounts?page=5000000&size=500"), 400, "VALIDATION_FAILED", "page");
        assertProblem(http.get("api/v1/contractors?page=99999999999"), 400, "VALIDATION_FAILED", "page");
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("name"))
                .toList();
    }

    static void assertProblem(Http.Response response, int status, String code, String field) {
        assertEquals(status, response.status(), response.text());
        assertEquals(
                "application/problem+json",
                response.header("Content-Type").orElse("").split(";")[0],
                response.text());
        JsonObject problem = response.jsonObject();
        assertEquals(code, problem.getString("code"), response.text());
        assertEquals(status, problem.getInt("status"));
        if (field == null) {
            assertTrue(problem.isNull("field"), response.text());
        } else {
            assertEquals(field, problem.getString("field"), response.text());
        }
        assertFalse(problem.getString("detail").isBlank());
        assertFalse(response.text().contains("Exception"), response.text());
        assertFalse(response.text().contains("at org."), response.text());
    }
}
