package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The one-command run: the WAR on a plain Payara Micro asked for its embedded database starts it,
 * migrates it, loads the demo data, and invoices from it. Not asked for, it never starts it.
 */
class StandaloneRunIT {

    @Test
    void askedForTheEmbeddedDatabaseTheWarRunsOnItWithDemoData() throws Exception {
        Path dataDirectory = Files.createTempDirectory("invoicing-standalone-");
        try (PayaraMicro server = PayaraMicro.start(
                Map.of("INVOICING_DB_EMBEDDED", "true", "INVOICING_DATA_DIR", dataDirectory.toString()),
                "api/v1/accounts")) {
            Http http = new Http(server.baseUri()).as(Users.ADMIN);

            JsonArray accounts =
                    http.get("api/v1/accounts?size=500").jsonObject().getJsonArray("items");
            assertTrue(accounts.size() >= 10, accounts.toString());
            long zones = accounts.getValuesAs(JsonObject.class).stream()
                    .map(a -> a.getString("timeZone"))
                    .distinct()
                    .count();
            assertTrue(zones >= 3, "accounts in several time zones: " + accounts);
            assertFalse(http.get("api/v1/contractors")
                    .jsonObject()
                    .getJsonArray("items")
                    .isEmpty());

            // Demo calls cover the last two months: every account's previous month has some.
            long callsLastMonth = 0;
            for (JsonObject account : accounts.getValuesAs(JsonObject.class)) {
                LocalDate today = LocalDate.now(ZoneId.of(account.getString("timeZone")));
                LocalDate first = today.minusMonths(1).withDayOfMonth(1);
                Http.Response calculated = http.post(
                        "api/v1/invoices/calculate",
                        Json.createObjectBuilder()
                                .add("accountId", account.getJsonNumber("id").longValue())
                                .add("direction", "CUSTOMER")
                                .add("startDate", first.toString())
                                .add(
                                        "endDate",
                                        first.withDayOfMonth(first.lengthOfMonth())
                                                .toString())
                                .build());
                assertEquals(200, calculated.status(), calculated.text());
                callsLastMonth +=
                        calculated.jsonObject().getJsonNumber("callsCount").longValue();
            }
            assertTrue(callsLastMonth > 10_000, "calls of the demo data last month: " + callsLastMonth);
        }
    }

    /** A production server that lost its database setting must not quietly invoice from a demo database. */
    @Test
    void withoutADatabaseSettingTheDeploymentFailsNamingIt() throws Exception {
        Path dataDirectory = Files.createTempDirectory("invoicing-unconfigured-");

        String log =
                PayaraMicro.failedDeployment(Map.of("INVOICING_DATA_DIR", dataDirectory.toString()), "api/v1/accounts");

        assertTrue(log.contains("No database configured: set INVOICING_DB_URL (invoicing.db.url)"), log);
        assertTrue(log.contains("INVOICING_DB_EMBEDDED=true"), log);
        try (Stream<Path> files = Files.list(dataDirectory)) {
            assertEquals(0, files.count(), "the embedded database was started in " + dataDirectory);
        }
    }
}
