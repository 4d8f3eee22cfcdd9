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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
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

        assertEquals(
                200,
                admin.post("api/v1/invoices/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                        .status());
        DocumentApiIT.awaitReady(admin, id);
        browser.open("invoice.xhtml?id=" + id);
        assertEquals("Ready", browser.text("documentStatus"));
        browser.checkScreen("invoice, its document ready");
        Browser.Download frozen = browser.download("invoice:documentPdf");
        assertEquals(200, frozen.status());
        assertArrayEquals(
                admin.getBytes("api/v1/invoices/" + id + "/document.pdf").body(), frozen.body());
        assertArrayEquals(
                admin.getBytes("api/v1/invoices/" + id + "/document.odt").body(),
                browser.download("invoice:documentOdt").body());
        assertTrue(
                browser.driver().findElements(By.id("invoice:makeDocument")).isEmpty(),
                "a made document is not made again");
    }

    @Test
    void whatCannotBeHadIsSaidOnThePageAndAnOperatorMakesItLater(@TempDir Path profile) throws Exception {
        long id = pendingInvoice(); // no template for the account and no default
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.OPERATOR);

        browser.open("invoice.xhtml?id=" + id);
        Browser.Download refused = browser.download("invoice:draftPdf");
        assertEquals(302, refused.status());
        browser.open(refused.header("Location"));
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("invoice:messages"), "No PDF of invoice " + id + ":"));
        browser.checkScreen("invoice, no PDF to be had");
        browser.open("invoice.xhtml?id=" + id);
        assertTrue(browser.text("invoice:messages").isBlank(), "said once: " + browser.text("invoice:messages"));

        assertEquals(
                200,
                admin.post("api/v1/invoices/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                        .status());
        browser.open("invoice.xhtml?id=" + id);
        assertTrue(browser.driver().findElements(By.id("invoice:documentPdf")).isEmpty(), "no PDF without a template");
        browser.checkScreen("invoice, no document made");

        defaultTemplate();
        browser.click("invoice:makeDocument");
        // Made while the operator waits (LibreOffice may take a while on a busy machine).
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(90))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("invoice:messages"), "is made"));
        assertEquals("Ready", browser.text("documentStatus"));
        browser.checkScreen("invoice, the document made");
        assertTrue(Pdf.text(browser.download("invoice:documentPdf").body()).contains("Total due: 10.57"));
    }

    @Test
    void aViewerCannotMakeADocument(@TempDir Path profile) throws Exception {
        long id = pendingInvoice();
        assertEquals(
                200,
                admin.post("api/v1/invoices/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                        .status());
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.VIEWER);

        browser.open("invoice.xhtml?id=" + id);
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("documentStatus")));
        assertTrue(browser.driver().findElements(By.id("invoice:makeDocument")).isEmpty(), "hidden from a viewer");
    }

    /**
     * A clerk's round with the keyboard alone, no mouse click: logs in, finds an invoice and opens it, goes back,
     * calculates and saves a new one, opens it, approves it (the confirmation traps the focus, Escape closes it
     * and gives the focus back), opens its PDF and logs out. Each control is reached with Tab, in the page's
     * order, and shows its focus; the list's and the invoice's main actions have their shortcuts.
     */
    @Test
    void aClerkWorksWithTheKeyboardAlone(@TempDir Path profile) throws Exception {
        defaultTemplate();
        long march = pendingInvoice();
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri());
        browser.open("invoices.xhtml");
        browser.await().until(ExpectedConditions.urlContains("/login.xhtml"));

        browser.tabTo("login:username");
        browser.press(Users.OPERATOR.username(), Keys.TAB);
        assertEquals("login:password", browser.focused());
        browser.press(Users.OPERATOR.password(), Keys.ENTER);
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("session:user")));

        // Find the March invoice: the search (Alt+Shift+S), then open the first invoice listed (Alt+Shift+O).
        browser.shortcut('S');
        assertEquals("list:filterText", browser.focused());
        browser.press("Acme wholesale");
        browser.await()
                .until(ExpectedConditions.numberOfElementsToBe(
                        By.cssSelector("#list\\:invoices_data a.invoice-link"), 1));
        browser.shortcut('O');
        browser.await().until(ExpectedConditions.urlContains("invoice.xhtml?id=" + march));
        browser.tabTo("navInvoices");
        browser.press(Keys.ENTER);
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("create:accountId")));

        // A new invoice: the account by typing its name in the menu, Customer, April, Calculate, Save, open it.
        browser.tabTo("create:accountId_label");
        browser.press("Acme");
        for (int i = 0; i < 5 && !browser.text("create:accountId_label").startsWith("Acme wholesale"); i++) {
            browser.press(Keys.ARROW_DOWN);
        }
        assertTrue(
                browser.text("create:accountId_label").startsWith("Acme wholesale"),
                browser.text("create:accountId_label"));
        browser.press(Keys.TAB);
        assertTrue(browser.focused().startsWith("create:direction:"), browser.focused());
        browser.press(Keys.SPACE);
        if (!browser.driver().findElement(By.id("create:direction:0")).isSelected()) {
            browser.press(Keys.ARROW_LEFT);
        }
        assertTrue(browser.driver().findElement(By.id("create:direction:0")).isSelected(), "Customer is chosen");
        browser.tabTo("create:startDate_input");
        browser.press("2026-04-01");
        browser.tabTo("create:endDate_input");
        browser.press("2026-04-30");
        browser.tabTo("create:calculate");
        browser.press(Keys.ENTER);
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("create:preview")));
        browser.tabTo("create:save");
        browser.press(Keys.ENTER);
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("create:created")));
        browser.tabTo("create:openCreated");
        browser.press(Keys.ENTER);
        browser.await().until(ExpectedConditions.urlContains("invoice.xhtml?id="));
        long april = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        assertTrue(april != march, "the new invoice is opened");
        assertEquals("Pending", browser.text("attrState"));

        // Approve (Alt+Shift+A): the confirmation keeps the focus; Escape closes it and gives the focus back.
        browser.shortcut('A');
        WebElement confirm = browser.await()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        browser.await().until(driver -> "1".equals(confirm.getCssValue("opacity")));
        for (int i = 0; i < 6; i++) {
            browser.press(Keys.TAB);
            assertTrue(insideDialog(), "Tab stays in the confirmation, not on " + browser.focused());
        }
        browser.press(Keys.ESCAPE);
        browser.await().until(ExpectedConditions.invisibilityOf(confirm));
        assertEquals("invoice:approve", browser.focused(), "the focus is back on Approve");
        browser.shortcut('A');
        browser.await().until(driver -> "1".equals(confirm.getCssValue("opacity")) && confirm.isDisplayed());
        browser.tabTo("invoice:confirmYes");
        browser.press(Keys.ENTER);
        browser.await().until(ExpectedConditions.textToBe(By.id("attrState"), "Approved"));

        // Its PDF, once the frozen document is made: the link opens it in a tab of its own.
        DocumentApiIT.awaitReady(admin, april);
        browser.driver().navigate().refresh();
        String invoicePage = browser.driver().getWindowHandle();
        browser.tabTo("invoice:documentPdf");
        browser.press(Keys.ENTER);
        browser.await().until(driver -> driver.getWindowHandles().size() == 2);
        String pdfTab = browser.driver().getWindowHandles().stream()
                .filter(h -> !h.equals(invoicePage))
                .findFirst()
                .orElseThrow();
        browser.driver().switchTo().window(pdfTab);
        browser.await().until(ExpectedConditions.urlContains("/invoice-files/" + april + "/document.pdf"));
        browser.driver().close();
        browser.driver().switchTo().window(invoicePage);
        Browser.Download pdf = browser.download("invoice:documentPdf");
        assertEquals("application/pdf", pdf.header("Content-Type"));

        browser.tabTo("session:logout");
        browser.press(Keys.ENTER);
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("loggedOut")));
    }

    private boolean insideDialog() {
        return (Boolean) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.activeElement.closest('.ui-confirm-dialog') !== null;");
    }

    private void defaultTemplate() {
        Http.Response uploaded = admin.upload(
                TEMPLATES + "?name=Carrier&filename=carrier.odt",
                DocumentFixtures.demoTemplate(),
                "application/vnd.oasis.opendocument.text");
        assertEquals(201, uploaded.status(), uploaded.text());
        long templateId = uploaded.jsonObject().getJsonNumber("id").longValue();
        assertEquals(
                200,
                admin.put(
                                TEMPLATES + "/default",
                                Json.createObjectBuilder()
                                        .add("templateId", templateId)
                                        .build())
                        .status());
    }

    /** Issue 13: the calls behind the invoice, from its page, as the REST API serves them. */
    @Test
    void aViewerDownloadsTheCallsOfAnInvoice(@TempDir Path profile) throws Exception {
        long id = pendingInvoice();
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.VIEWER);

        browser.open("invoice.xhtml?id=" + id);
        Browser.Download csv = browser.download("invoice:callsCsv");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.header("Content-Disposition").startsWith("attachment;"), csv.header("Content-Disposition"));
        assertArrayEquals(admin.getBytes("api/v1/invoices/" + id + "/calls.csv").body(), csv.body());
        // A header line and the 7 calls of the invoice.
        assertEquals(8, csv.text().split("\n").length);
        Browser.Download gzip = browser.download("invoice:callsCsvGz");
        assertEquals(200, gzip.status());
        assertEquals("application/gzip", gzip.header("Content-Type"));
        browser.checkScreen("invoice, with its calls' download");
    }

    private long pendingInvoice() {
        Http.Response created = admin.post("api/v1/invoices", request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        assertEquals(201, created.status(), created.text());
        return created.jsonObject().getJsonNumber("id").longValue();
    }
}
