package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Approving many invoices at once, in headless Chromium and over {@code POST /invoices/approvals}: twenty
 * Pending invoices (Acme wholesale's and Carrier B's months of January to October 2026) ticked together, one
 * of them approved meanwhile by another operator through the API: nineteen are approved, the twentieth is
 * named with the reason, and nothing else is held up.
 */
@ExtendWith(DeployedModule.class)
class InvoiceBulkScreensIT {

    private final Http admin = DeployedModule.deployment().http();
    private final Http operator = new Http(DeployedModule.deployment().server().baseUri()).as(Users.OPERATOR);
    private final Http viewer = new Http(DeployedModule.deployment().server().baseUri()).as(Users.VIEWER);

    private Browser browser;
    private final List<Long> pending = new ArrayList<>();

    @BeforeEach
    void twentyPending(@TempDir Path profile) throws Exception {
        Fixtures.removeInvoices(DeployedModule.deployment().database());
        for (int month = 1; month <= 10; month++) {
            YearMonth m = YearMonth.of(2026, month);
            pending.add(create(10, "CUSTOMER", m));
            pending.add(create(20, "VENDOR", m));
        }
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.OPERATOR);
    }

    @AfterEach
    void clean(TestInfo test) throws Exception {
        if (browser != null) {
            browser.closeAfter(test);
        }
        Fixtures.removeInvoices(DeployedModule.deployment().database());
    }

    @Test
    void twentyTickedOneApprovedMeanwhileNineteenApprovedTheTwentiethNamed() {
        browser.open("invoices.xhtml");
        browser.await().ignoring(StaleElementReferenceException.class).until(driver -> rows().size() == 20);
        browser.driver()
                .findElement(By.cssSelector("[id='list:invoices'] .ui-chkbox-all .ui-chkbox-box"))
                .click();
        browser.await().until(ExpectedConditions.textToBe(By.id("list:selectedCount"), "20 invoices"));
        browser.checkScreen("invoices, twenty ticked");

        // Another operator approves one of them meanwhile, through the API.
        long meanwhile = pending.get(7);
        Http.Response approved = admin.post("api/v1/invoices/" + meanwhile + "/approve", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, approved.status(), approved.text());
        String number = approved.jsonObject().getString("number");

        browser.click("list:approveSelected");
        WebElement confirm = browser.await()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        browser.await().until(driver -> "1".equals(confirm.getCssValue("opacity")));
        browser.checkScreen("invoices, the bulk approval confirmation");
        browser.click("confirm:yes");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("refusedList")));

        String refused = browser.text("refusedList");
        assertTrue(refused.startsWith(number + ": It is already issued, with number " + number), refused);
        assertEquals(
                1,
                browser.driver().findElements(By.cssSelector("#refusedList li")).size(),
                refused);
        String approvedList = browser.text("approvedList");
        List<String> numbers = new ArrayList<>();
        for (long id : pending) {
            JsonObject invoice = admin.get("api/v1/invoices/" + id).jsonObject();
            assertEquals("APPROVED", invoice.getString("state"), "invoice " + id);
            if (id != meanwhile) {
                numbers.add(invoice.getString("number"));
            }
        }
        assertEquals(19, numbers.size());
        numbers.forEach(n -> assertTrue(approvedList.contains(n), n + " in " + approvedList));
        assertTrue(!approvedList.contains(number), approvedList);
        assertTrue(
                browser.text("messages").contains("Approved 19 of 20 invoices; 1 not approved"),
                browser.text("messages"));
        assertEquals("0 invoices", browser.text("list:selectedCount"));
        browser.checkScreen("invoices, nineteen approved and one refused");
    }

    @Test
    void theApiApprovesEachOnItsOwnAndSaysWhatBecameOfEach() {
        long first = pending.get(0);
        long second = pending.get(1);
        assertEquals(
                200,
                admin.post("api/v1/invoices/" + second + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                        .status());

        Http.Response response = operator.post(
                "api/v1/invoices/approvals",
                Json.createObjectBuilder()
                        .add(
                                "ids",
                                Json.createArrayBuilder().add(first).add(second).add(999_999))
                        .build());
        assertEquals(200, response.status(), response.text());
        JsonArray results = response.jsonArray();
        assertEquals(3, results.size());
        JsonObject one = results.getJsonObject(0);
        assertEquals(first, one.getJsonNumber("invoiceId").longValue());
        assertTrue(one.getBoolean("approved"));
        assertEquals(admin.get("api/v1/invoices/" + first).jsonObject().getString("number"), one.getString("number"));
        assertEquals("INVOICE_ALREADY_ISSUED", results.getJsonObject(1).getString("code"));
        assertTrue(!results.getJsonObject(1).getBoolean("approved"));
        assertEquals("INVOICE_NOT_FOUND", results.getJsonObject(2).getString("code"));
        assertEquals(
                "PENDING",
                admin.get("api/v1/invoices/" + pending.get(2)).jsonObject().getString("state"));

        Http.Response denied = viewer.post(
                "api/v1/invoices/approvals",
                Json.createObjectBuilder()
                        .add("ids", Json.createArrayBuilder().add(pending.get(2)))
                        .build());
        assertEquals(403, denied.status(), denied.text());
        Http.Response empty = operator.post(
                "api/v1/invoices/approvals",
                Json.createObjectBuilder().add("ids", Json.createArrayBuilder()).build());
        assertEquals(400, empty.status(), empty.text());
        assertTrue(
                empty.text().contains("\"VALIDATION_FAILED\"") && empty.text().contains("\"ids\""), empty.text());
        assertEquals(
                400,
                operator.post(
                                "api/v1/invoices/approvals",
                                Json.createObjectBuilder().add("ids", "x").build())
                        .status());
    }

    /**
     * Download PDFs (zip) posts the list's form as the button does (through the browser's fetch, so that the
     * answer's bytes can be read): an invoice without a PDF is named in the zip's missing.txt with the reason.
     * The fixture has no template, so neither invoice here has a PDF: one Pending, one approved without a document.
     */
    @Test
    void theZipNamesEveryTickedInvoiceWithoutAPdfAndWhy() throws Exception {
        long approvedId = pending.get(0);
        assertEquals(
                200,
                admin.post("api/v1/invoices/" + approvedId + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                        .status());
        long pendingId = pending.get(1);
        browser.open("invoices.xhtml");
        browser.await().ignoring(StaleElementReferenceException.class).until(driver -> rows().size() == 20);
        for (long id : List.of(approvedId, pendingId)) {
            browser.driver()
                    .findElement(By.cssSelector("[id='list:invoices_data'] > tr[data-rk='" + id + "'] .ui-chkbox-box"))
                    .click();
        }
        browser.await().until(ExpectedConditions.textToBe(By.id("list:selectedCount"), "2 invoices"));

        String base64 = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('list');
                const data = new FormData(form);
                data.append('list:downloadSelected', '');
                fetch(form.action, {method: 'POST', body: new URLSearchParams(data)})
                    .then(r => r.arrayBuffer().then(b => done(r.headers.get('Content-Type') + '|'
                        + r.headers.get('Content-Disposition') + '|' + btoa(String.fromCharCode(...new Uint8Array(b))))))
                    .catch(e => done('failed|' + e + '|'));
                """);
        String[] answer = base64.split("\\|", 3);
        assertEquals("application/zip", answer[0], base64);
        assertTrue(answer[1].contains("invoices.zip"), answer[1]);
        java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(answer[2])))) {
            for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("missing.txt"), List.copyOf(entries.keySet()));
        String missing = entries.get("missing.txt");
        assertTrue(
                missing.contains("Invoice " + pendingId + ": it is Pending; its PDF is made when it is approved"),
                missing);
        assertTrue(missing.contains("(" + approvedId + "): its account had no template when it was issued"), missing);
        assertEquals(3, missing.lines().count(), missing);
    }

    private long create(long account, String direction, YearMonth month) {
        Http.Response created = admin.post(
                "api/v1/invoices",
                request(
                        account,
                        direction,
                        month.atDay(1).toString(),
                        month.atEndOfMonth().toString()));
        assertEquals(201, created.status(), created.text());
        return created.jsonObject().getJsonNumber("id").longValue();
    }

    private List<WebElement> rows() {
        return browser.driver()
                .findElements(By.cssSelector("#list\\:invoices_data > tr:not(.ui-datatable-empty-message)"));
    }
}
