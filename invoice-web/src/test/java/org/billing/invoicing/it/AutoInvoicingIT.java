package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.assertProblem;
import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Automatic invoicing on the deployed WAR: the batch job makes each due period's invoice once. */
@ExtendWith(DeployedModule.class)
class AutoInvoicingIT {

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http http = DeployedModule.deployment().http();

    @BeforeEach
    void noInvoices() throws Exception {
        Fixtures.removeInvoices(database);
    }

    private JsonObject run() throws InterruptedException {
        Http.Response started = http.post("api/v1/generation-runs", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(202, started.status(), started.text());
        String location = started.header("Location").orElseThrow();
        String path = "api/v1/generation-runs/" + location.substring(location.lastIndexOf('/') + 1);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonObject run = http.get(path).jsonObject();
            if (!run.getString("status").startsWith("START")) {
                return run;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("The generation run did not end within 90 s");
    }

    private List<JsonObject> invoicesOfAcme(String from, String to) {
        return http.get("api/v1/invoices?accountId=10&size=500&from=" + from + "&to=" + to).jsonObject()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .sorted((a, b) -> a.getString("startDate").compareTo(b.getString("startDate"))).toList();
    }

    @Test
    void weeksSplitByMonthAreInvoicedOnceEachAroundAManualInvoice() throws Exception {
        assertEquals(201, http.post("api/v1/invoices", request(10, "CUSTOMER", "2026-03-09", "2026-03-15")).status());
        Http.Response configured = http.put("api/v1/accounts/10/auto-invoicing/CUSTOMER", Json.createObjectBuilder()
                .add("invoicePeriod", "WEEKLY_SPLIT_BY_MONTH").add("generateFrom", "2026-03-01").build());
        assertEquals(200, configured.status(), configured.text());

        JsonObject first = run();

        assertEquals("COMPLETED", first.getString("status"), first.toString());
        List<JsonObject> march = invoicesOfAcme("2026-03-01", "2026-03-31");
        assertEquals(List.of("2026-03-01/2026-03-01 AUTO_PARTIAL", "2026-03-02/2026-03-08 AUTO",
                        "2026-03-09/2026-03-15 MANUAL", "2026-03-16/2026-03-22 AUTO", "2026-03-23/2026-03-29 AUTO",
                        "2026-03-30/2026-03-31 AUTO_PARTIAL"),
                march.stream().map(i -> i.getString("startDate") + "/" + i.getString("endDate") + " " + i.getString("type"))
                        .toList());
        // Cut into weeks, March still sums to the month's 10.57 (InvoiceCalculatorTest's figures).
        assertEquals(0, new BigDecimal("10.57").compareTo(march.stream()
                .map(i -> new BigDecimal(i.getString("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add)));
        int created = Integer.parseInt(first.getString("result").replaceAll(".*created=(\\d+).*", "$1"));
        assertTrue(created >= 5, first.toString());

        // The week in progress is not due yet: it waits for its end plus the longest call.
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        assertTrue(invoicesOfAcme(today.toString(), today.toString()).isEmpty());

        long total = http.get("api/v1/invoices?accountId=10").jsonObject().getJsonNumber("total").longValue();
        JsonObject second = run();
        assertEquals("COMPLETED", second.getString("status"));
        assertEquals("created=0 skipped=0 failed=0", second.getString("result"));
        assertEquals(0, second.getInt("due"));
        assertEquals(total, http.get("api/v1/invoices?accountId=10").jsonObject().getJsonNumber("total").longValue());
        assertEquals(1 + created, total);
    }

    @Test
    void settingsAreCheckedAndCanBeStopped() {
        assertProblem(http.put("api/v1/accounts/10/auto-invoicing/CUSTOMER", Json.createObjectBuilder()
                .add("invoicePeriod", "FORTNIGHTLY").add("generateFrom", "2026-03-01").build()), 400,
                "VALIDATION_FAILED", "invoicePeriod");
        assertProblem(http.put("api/v1/accounts/10/auto-invoicing/CUSTOMER", Json.createObjectBuilder()
                .add("invoicePeriod", "MONTHLY").build()), 400, "VALIDATION_FAILED", "generateFrom");
        assertProblem(http.put("api/v1/accounts/999/auto-invoicing/CUSTOMER", Json.createObjectBuilder()
                .add("invoicePeriod", "MONTHLY").add("generateFrom", "2026-03-01").build()), 404,
                "ACCOUNT_NOT_FOUND", "accountId");
        assertProblem(http.get("api/v1/accounts/10/auto-invoicing/VENDOR"), 404, "NOT_FOUND", null);

        assertEquals(200, http.put("api/v1/accounts/10/auto-invoicing/VENDOR", Json.createObjectBuilder()
                .add("invoicePeriod", "MONTHLY").add("generateFrom", "2026-03-01").build()).status());
        assertEquals("MONTHLY", http.get("api/v1/accounts/10/auto-invoicing/VENDOR").jsonObject().getString("invoicePeriod"));
        assertEquals(204, http.delete("api/v1/accounts/10/auto-invoicing/VENDOR").status());
        assertProblem(http.get("api/v1/accounts/10/auto-invoicing/VENDOR"), 404, "NOT_FOUND", null);
        assertProblem(http.get("api/v1/generation-runs/987654"), 404, "NOT_FOUND", "id");
    }
}
