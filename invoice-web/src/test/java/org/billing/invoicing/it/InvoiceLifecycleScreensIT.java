package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The lifecycle on the operator screens, in headless Chromium against the packaged WAR on Payara Micro
 * with a real SMTP server in this JVM (GreenMail): the March 2026 invoice of Acme wholesale (account 10,
 * 10.57 EUR) is approved, emailed and credited; a numbering series is created after a bad pattern. Each
 * test removes what it made, so the order of the tests does not matter.
 */
class InvoiceLifecycleScreensIT {

    private static final String RECIPIENT = "ap.lifecycle@acme.example";

    private static PostgresDatabase database;
    private static GreenMail smtp;
    private static PayaraMicro server;

    private Browser browser;

    @BeforeAll
    static void deploy() throws SQLException {
        database = PostgresDatabase.startMigrated();
        database.run("/fixtures/march-2026.sql");
        int smtpPort = PayaraMicro.freePort();
        ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // GreenMail's 2 s to start is too short on a loaded machine.
        setup.setServerStartupTimeout(30_000);
        smtp = new GreenMail(setup);
        smtp.start();
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("INVOICING_MAIL_HOST", "127.0.0.1");
        environment.put("INVOICING_MAIL_PORT", Integer.toString(smtpPort));
        environment.put("INVOICING_MAIL_FROM", "billing@operator.example");
        environment.put("INVOICING_MAIL_POLL_INTERVAL", "1s");
        server = PayaraMicro.start(environment, "api/v1/accounts");
    }

    @AfterAll
    static void undeploy() throws IOException {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        database.close();
    }

    @BeforeEach
    void openBrowser(@TempDir Path profile) {
        browser = Browser.start(profile, server.baseUri(), Users.ADMIN);
    }

    /** The page the test ended on, to see why it failed; then the invoices, series and settings it made go. */
    @AfterEach
    void closeBrowser(TestInfo test) throws SQLException {
        if (browser != null) {
            browser.closeAfter(test);
        }
        Fixtures.removeInvoices(database);
    }

    @Test
    void anOperatorApprovesEmailsAndCreditsTheMarchInvoice() throws Exception {
        browser.open("numbering.xhtml?account=10&direction=CUSTOMER");
        WebElement recipients = browser.await()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("accountSettings:recipients")));
        recipients.clear();
        recipients.sendKeys(RECIPIENT);
        browser.click("accountSettings:saveAccount");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "are saved"));
        browser.screenshot("numbering-account.png");
        browser.checkScreen("numbering-account");

        // The calls attached to the email (issue 13): off by default, ticked and saved, then off again.
        Http settings = new Http(server.baseUri()).as(Users.ADMIN);
        assertFalse(settings.get("api/v1/accounts/10/invoice-settings/CUSTOMER")
                .jsonObject()
                .getBoolean("attachCalls"));
        for (boolean attach : new boolean[] {true, false}) {
            browser.driver()
                    .findElement(By.cssSelector("[id='accountSettings:attachCalls'] .ui-chkbox-box"))
                    .click();
            browser.click("accountSettings:saveAccount");
            browser.awaitAjax();
            browser.await()
                    .until(driver -> settings.get("api/v1/accounts/10/invoice-settings/CUSTOMER")
                                    .jsonObject()
                                    .getBoolean("attachCalls")
                            == attach);
            if (attach) {
                browser.checkScreen("numbering-account, the calls attached");
            }
        }

        // The e-invoice the email carries (issue 12): none by default, UBL chosen and saved, then none again.
        assertEquals(
                "NONE",
                settings.get("api/v1/accounts/10/invoice-settings/CUSTOMER")
                        .jsonObject()
                        .getString("einvoiceAttachment"));
        for (String einvoice : new String[] {"UBL", "NONE"}) {
            new Select(browser.driver().findElement(By.id("accountSettings:einvoiceAttachment")))
                    .selectByValue(einvoice);
            browser.click("accountSettings:saveAccount");
            browser.awaitAjax();
            browser.await()
                    .until(driver -> einvoice.equals(settings.get("api/v1/accounts/10/invoice-settings/CUSTOMER")
                            .jsonObject()
                            .getString("einvoiceAttachment")));
        }

        // Self-billing (issue 12) is a choice of the vendor direction only: off by default, ticked, then off again.
        assertTrue(browser.driver()
                .findElements(By.id("accountSettings:selfBilling"))
                .isEmpty());
        String vendor = "api/v1/accounts/10/invoice-settings/VENDOR";
        browser.open("numbering.xhtml?account=10&direction=VENDOR");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("accountSettings"), "Vendor invoices are self-billed (type 389)"));
        assertFalse(settings.get(vendor).jsonObject().getBoolean("selfBilling"));
        for (boolean selfBilling : new boolean[] {true, false}) {
            browser.driver()
                    .findElement(By.cssSelector("[id='accountSettings:selfBilling'] .ui-chkbox-box"))
                    .click();
            browser.click("accountSettings:saveAccount");
            browser.awaitAjax();
            browser.await().until(driver -> settings.get(vendor).jsonObject().getBoolean("selfBilling") == selfBilling);
        }

        browser.open("invoices.xhtml");
        browser.fillCreateForm("Acme wholesale", "2026-03-01", "2026-03-31");
        browser.click("create:save");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("create:created")));
        browser.driver().findElement(By.cssSelector("#create\\:created a")).click();
        browser.await().until(ExpectedConditions.urlContains("invoice.xhtml?id="));
        assertEquals("Pending", browser.text("attrState"));
        assertTrue(browser.text("heading").contains("not numbered yet"), browser.text("heading"));
        assertTrue(
                browser.driver().findElements(By.id("invoice:creditNote")).isEmpty(),
                "a Pending invoice is not credited");
        browser.screenshot("invoice-pending.png");
        browser.checkScreen("invoice-pending");

        browser.click("invoice:approve");
        WebElement confirm = browser.await()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        assertTrue(
                confirm.getText().contains("next number") && confirm.getText().contains("cannot be undone"),
                confirm.getText());
        browser.await().until(driver -> "1".equals(confirm.getCssValue("opacity")));
        browser.screenshot("invoice-approve-confirm.png");
        browser.checkScreen("invoice-approve-confirm");
        browser.click("invoice:confirmYes");
        browser.await().until(ExpectedConditions.textToBe(By.id("attrState"), "Approved"));
        String number = browser.text("attrNumber").trim();
        assertTrue(number.matches("INV-\\d{4}-000001"), number);
        assertTrue(browser.text("heading").contains(number), browser.text("heading"));
        assertTrue(
                browser.driver().findElements(By.id("invoice:approve")).isEmpty(),
                "an approved invoice is approved once");
        assertTrue(
                browser.driver().findElements(By.id("invoice:delete")).isEmpty(), "an approved invoice is not deleted");
        assertTrue(
                browser.text("invoice:messages").contains("approved with number " + number),
                browser.text("invoice:messages"));
        browser.screenshot("invoice-approved.png");
        browser.checkScreen("invoice-approved");

        // The email leaves after the approval commits; the Email tab shows it once it arrived.
        assertTrue(smtp.waitForIncomingEmail(Duration.ofSeconds(20).toMillis(), 1), "the approved invoice is emailed");
        browser.driver().navigate().refresh();
        tab("Email");
        browser.await().until(ExpectedConditions.textToBe(By.id("deliveryStatus"), "Sent"));
        String delivery = browser.rowContaining("invoice:activity:deliveries", RECIPIENT);
        assertTrue(delivery.contains("Sent") && delivery.contains("On issue"), delivery);
        browser.scrollTo("invoice:activity");
        browser.screenshot("invoice-email.png");
        browser.checkScreen("invoice-email");

        browser.click("invoice:creditNote");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("credit:reason")));
        browser.click("credit:issueCreditNote");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("credit:reasonMessage"), "Say why the invoice is credited."));
        browser.screenshot("credit-note-reason-required.png");
        browser.checkScreen("credit-note-reason-required");
        browser.driver().findElement(By.id("credit:reason")).sendKeys("Rates of March were wrong");
        browser.click("credit:issueCreditNote");
        WebElement noteLink =
                browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice:creditNoteLink")));
        assertTrue(
                browser.text("invoice:messages").contains("reverses invoice " + number),
                browser.text("invoice:messages"));
        assertTrue(browser.driver().findElements(By.id("invoice:creditNote")).isEmpty(), "an invoice is credited once");
        assertEquals("Approved", browser.text("attrState"));
        browser.screenshot("invoice-credited.png");
        browser.checkScreen("invoice-credited");

        tab("History");
        List<String> actions =
                browser.driver().findElements(By.cssSelector("[id='invoice:activity:history_data'] .event")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertTrue(actions.containsAll(List.of("Created", "Approved", "Credited")), actions.toString());
        assertTrue(
                actions.indexOf("Created") < actions.indexOf("Approved")
                        && actions.indexOf("Approved") < actions.indexOf("Credited"),
                actions.toString());
        browser.scrollTo("invoice:activity");
        browser.screenshot("invoice-history.png");
        browser.checkScreen("invoice-history");

        noteLink.click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice:creditedInvoiceLink")));
        assertTrue(browser.text("heading").matches("(?s)Credit note\\s+CN-\\d{4}-000001.*"), browser.text("heading"));
        assertEquals(
                "-10.57 EUR",
                browser.driver()
                        .findElement(By.cssSelector("[data-figure='amount']"))
                        .getText());
        assertEquals("Rates of March were wrong", browser.text("creditReason"));
        assertTrue(
                browser.driver().findElements(By.id("invoice:creditNote")).isEmpty(), "a credit note is not credited");
        browser.screenshot("credit-note.png");
        browser.checkScreen("credit-note");

        browser.open("invoices.xhtml");
        browser.await().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list\\:invoices_data > tr"), 2));
        String noteRow = browser.rowContaining("list:invoices", "Credit note");
        assertTrue(noteRow.contains("CN-") && noteRow.contains("-10.57 EUR") && noteRow.contains("Approved"), noteRow);
        String invoiceRow = browser.rowContaining("list:invoices", number);
        assertTrue(invoiceRow.contains("Credited") && invoiceRow.contains("10.57 EUR"), invoiceRow);
        browser.screenshot("invoices-lifecycle.png");
        browser.checkScreen("invoices-lifecycle");
    }

    @Test
    void anAdministratorCorrectsABadPatternCreatesASeriesAndRevisesIt() {
        browser.open("invoices.xhtml");
        browser.click("navNumbering");
        browser.await().until(ExpectedConditions.urlContains("numbering.xhtml"));
        assertTrue(
                browser.rowContaining("seriesList:series", "Customer invoices").contains("INV-%year%-%num%"));

        browser.type("series:name", "Wholesale");
        browser.type("series:pattern", "WH-%yr%-%num%");
        browser.type("series:startNumber", "5");
        browser.type("series:padding", "4");
        browser.click("series:save");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("series:patternMessage"), "Unknown field %yr%"));
        assertTrue(browser.text("series:nameMessage").isEmpty(), "the refusal is shown next to the pattern only");
        assertFalse(browser.text("seriesList:series").contains("Wholesale"), "a refused series is not stored");
        browser.screenshot("numbering-bad-pattern.png");
        browser.checkScreen("numbering-bad-pattern");

        browser.type("series:pattern", "WH-%year%-%num%");
        browser.click("series:save");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), "Series 'Wholesale' is created"));
        String row = browser.rowContaining("seriesList:series", "Wholesale");
        assertTrue(row.matches("Wholesale WH-%year%-%num% 5 4 No WH-\\d{4}-0005.*"), row);
        assertEquals("", browser.text("series:patternMessage"));
        assertEquals(
                "New series",
                browser.driver().findElement(By.cssSelector("#series h2")).getText());
        browser.screenshot("numbering.png");
        browser.checkScreen("numbering");
        browser.checkTablet("numbering");

        browser.driver()
                .findElement(
                        By.xpath("//*[@id='seriesList:series_data']/tr[td[normalize-space()='Wholesale']]//button"))
                .click();
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#series h2"), "Edit series Wholesale"));
        assertEquals(
                "WH-%year%-%num%",
                browser.driver().findElement(By.id("series:pattern")).getDomProperty("value"));
        browser.type("series:padding", "6");
        browser.click("series:save");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), "Series 'Wholesale' is saved"));
        assertTrue(
                browser.rowContaining("seriesList:series", "Wholesale").matches(".* WH-\\d{4}-000005.*"),
                browser.rowContaining("seriesList:series", "Wholesale"));
    }

    private void tab(String title) {
        browser.await()
                .until(ExpectedConditions.elementToBeClickable(By.xpath(
                        "//*[@id='invoice:activity']//li[contains(@class,'ui-tabs-header')][normalize-space()='" + title
                                + "']")))
                .click();
    }
}
