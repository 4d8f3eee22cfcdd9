package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.billing.invoicing.document.DocumentFixtures;
import org.billing.invoicing.document.Pdf;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An invoice's document on its page, in headless Chromium against the deployed WAR: the draft of a
 * Pending invoice, the frozen PDF and ODT of an issued one (the same bytes the REST API serves), a
 * refusal said on the page, and an operator making a document that could not be made at approval.
 * Account 10 owes 10.57 EUR for March 2026 (march-2026.sql).
 */
@ExtendWith(DeployedModule.class)
class InvoiceDocumentScreensIT {

    private static final String TEMPLATES = "api/v1/invoice-templates";

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http admin = DeployedModule.deployment().http();

    private Browser browser;

    @BeforeEach
    void clean() throws Exception {
        Fixtures.removeInvoices(database);
        Fixtures.removeTemplates(database);
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            browser.closeAfter(test);
        }
        Fixtures.removeInvoices(database);
        Fixtures.removeTemplates(database);
    }

    @Test
    void aViewerOpensTheDraftThenTheFrozenDocument(@TempDir Path profile) throws Exception {
        defaultTemplate();
        long id = pendingInvoice();
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.VIEWER);

        browser.open("invoice.xhtml?id=" + id);
        Browser.Download draft = browser.download("invoice:draftPdf");
        assertEquals(200, draft.status());
        assertEquals("application/pdf", draft.header("Content-Type"));
        assertTrue(draft.header("Content-Disposition").startsWith("inline;"), draft.header("Content-Disposition"));
        assertTrue(Pdf.text(draft.body()).contains("Total due: 10.57"), "the demo template's total line");
        Browser.Download draftOdt = browser.download("invoice:draftOdt");
        assertEquals(200, draftOdt.status());
        assertTrue(draftOdt.text().startsWith("PK"), "an ODF package is a zip");
        browser.checkScreen("invoice, a draft document");

        assertEquals(200, admin.post("api/v1/invoices/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT).status());
        DocumentApiIT.awaitReady(admin, id);
        browser.open("invoice.xhtml?id=" + id);
        assertEquals("Ready", browser.text("documentStatus"));
        browser.checkScreen("invoice, its document ready");
        Browser.Download frozen = browser.download("invoice:documentPdf");
        assertEquals(200, frozen.status());
        assertArrayEquals(admin.getBytes("api/v1/invoices/" + id + "/document.pdf").body(), frozen.body());
        assertArrayEquals(admin.getBytes("api/v1/invoices/" + id + "/document.odt").body(),
                browser.download("invoice:documentOdt").body());
        assertTrue(browser.driver().findElements(By.id("invoice:makeDocument")).isEmpty(), "a made document is not made again");
    }

    @Test
    void whatCannotBeHadIsSaidOnThePageAndAnOperatorMakesItLater(@TempDir Path profile) throws Exception {
        long id = pendingInvoice(); // no template for the account and no default
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.OPERATOR);

        browser.open("invoice.xhtml?id=" + id);
        Browser.Download refused = browser.download("invoice:draftPdf");
        assertEquals(302, refused.status());
        browser.open(refused.header("Location"));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("invoice:messages"),
                "No PDF of invoice " + id + ":"));
        browser.checkScreen("invoice, no PDF to be had");
        browser.open("invoice.xhtml?id=" + id);
        assertTrue(browser.text("invoice:messages").isBlank(), "said once: " + browser.text("invoice:messages"));

        assertEquals(200, admin.post("api/v1/invoices/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT).status());
        browser.open("invoice.xhtml?id=" + id);
        assertTrue(browser.driver().findElements(By.id("invoice:documentPdf")).isEmpty(), "no PDF without a template");
        browser.checkScreen("invoice, no document made");

        defaultTemplate();
        browser.click("invoice:makeDocument");
        // Made while the operator waits (LibreOffice may take a while on a busy machine).
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(90)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("invoice:messages"), "is made"));
        assertEquals("Ready", browser.text("documentStatus"));
        browser.checkScreen("invoice, the document made");
        assertTrue(Pdf.text(browser.download("invoice:documentPdf").body()).contains("Total due: 10.57"));
    }

    @Test
    void aViewerCannotMakeADocument(@TempDir Path profile) throws Exception {
        long id = pendingInvoice();
        assertEquals(200, admin.post("api/v1/invoices/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT).status());
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.VIEWER);

        browser.open("invoice.xhtml?id=" + id);
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("documentStatus")));
        assertTrue(browser.driver().findElements(By.id("invoice:makeDocument")).isEmpty(), "hidden from a viewer");
    }

    private void defaultTemplate() {
        Http.Response uploaded = admin.upload(TEMPLATES + "?name=Carrier&filename=carrier.odt",
                DocumentFixtures.demoTemplate(), "application/vnd.oasis.opendocument.text");
        assertEquals(201, uploaded.status(), uploaded.text());
        long templateId = uploaded.jsonObject().getJsonNumber("id").longValue();
        assertEquals(200, admin.put(TEMPLATES + "/default", Json.createObjectBuilder().add("templateId", templateId).build())
                .status());
    }

    private long pendingInvoice() {
        Http.Response created = admin.post("api/v1/invoices", request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        assertEquals(201, created.status(), created.text());
        return created.jsonObject().getJsonNumber("id").longValue();
    }
}
