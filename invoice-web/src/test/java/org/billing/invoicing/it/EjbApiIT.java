package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.Test;

/**
 * The published EJB interface called from code running in the server (the probe, deployed with the
 * module), and the lifecycle events it observes after each commit.
 */
class EjbApiIT {

    @Test
    void aSiblingModuleRunsTheLifecycleThroughTheBusinessInterface() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.startMigrated()) {
            database.run("/fixtures/march-2026.sql");
            try (PayaraMicro server = PayaraMicro.start(
                    ProbeWar.of(PayaraMicro.packagedWar(), "org.billing.invoicing.probe"),
                    database.environment(),
                    "api/v1/probe/events")) {
                Http http = new Http(server.baseUri()).as(Users.OPERATOR);

                Http.Response lifecycle = http.post(
                        "api/v1/probe/lifecycle?accountId=10&first=2026-03-01&last=2026-03-31",
                        JsonValue.EMPTY_JSON_OBJECT);

                assertEquals(200, lifecycle.status(), lifecycle.text());
                JsonObject report = lifecycle.jsonObject();
                long invoice = report.getJsonNumber("createdId").longValue();
                long note = report.getJsonNumber("creditNoteId").longValue();
                String year = String.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"))
                        .getYear());
                assertEquals("10.57", report.getString("calculatedAmount"));
                assertEquals("PENDING", report.getString("createdState"));
                assertEquals("INV-" + year + "-000001", report.getString("previewedNumber"));
                assertEquals("INV-" + year + "-000001", report.getString("approvedNumber"));
                assertEquals("APPROVED", report.getString("approvedState"));
                assertEquals("INVOICE_ALREADY_ISSUED", report.getString("approveAgain"));
                assertEquals("-10.57", report.getString("creditNoteAmount"));
                assertEquals(note, report.getJsonNumber("foundCreditNoteId").longValue());
                assertEquals("CN-" + year + "-000001", report.getString("getNumber"));
                assertEquals(2, report.getInt("searchTotal"));
                assertEquals("INVOICE_NOT_FOUND", report.getString("getMissing"));
                assertEquals("empty", report.getString("localMissing"));

                List<String> events = http.get("api/v1/probe/events").jsonArray().getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList();
                // Observed after each commit; the refused second approval committed nothing and fired nothing.
                assertEquals(
                        List.of(
                                "InvoiceCreated[invoiceId=" + invoice + "]",
                                "InvoiceApproved[invoiceId=" + invoice + ", number=INV-" + year
                                        + "-000001, state=APPROVED]",
                                "InvoiceApproved[invoiceId=" + note + ", number=CN-" + year
                                        + "-000001, state=APPROVED]",
                                "InvoiceCredited[invoiceId=" + invoice + ", creditNoteId=" + note + "]"),
                        events);

                // Drift, keyset paging and deletion through the business interface: March again (its first
                // invoice is credited above, which released the period): 7 calls, 10.57 as before.
                JsonObject drift = http.post(
                                "api/v1/probe/drift?accountId=10&first=2026-03-01&last=2026-03-31",
                                JsonValue.EMPTY_JSON_OBJECT)
                        .jsonObject();
                assertEquals("10.57", drift.getString("issuedAmount"));
                assertEquals(false, drift.getBoolean("drifted"));
                assertEquals(7, drift.getInt("callsThen"));
                assertEquals(7, drift.getInt("callsNow"));
                assertEquals("10.57", drift.getString("lastCheckAmountNow"));
                assertEquals("NO_DRIFT", drift.getString("supplement"));
                assertEquals("INVOICE_NOT_PENDING", drift.getString("deleteIssued"));
                // Newest first, one a page: the invoice just issued, then the credit note made before it.
                assertEquals(note, drift.getJsonNumber("secondOfWalk").longValue());
                assertEquals("PENDING", drift.getString("correctedState"));
                assertEquals("10.57", drift.getString("correctedAmount"));
                assertEquals(true, drift.getBoolean("originalCreditNoteId"));
                assertEquals("INVOICE_NOT_FOUND", drift.getString("deletedIsGone"));

                // The business interface checks the caller's role too: a viewer reads but does not calculate.
                JsonObject asViewer = new Http(server.baseUri())
                        .as(Users.VIEWER)
                        .post("api/v1/probe/as-caller?accountId=10", JsonValue.EMPTY_JSON_OBJECT)
                        .jsonObject();
                assertEquals("allowed", asViewer.getString("search"));
                assertEquals("refused", asViewer.getString("calculate"));
                JsonObject asOperator = http.post("api/v1/probe/as-caller?accountId=10", JsonValue.EMPTY_JSON_OBJECT)
                        .jsonObject();
                assertEquals("allowed", asOperator.getString("calculate"));
            }
        }
    }
}
