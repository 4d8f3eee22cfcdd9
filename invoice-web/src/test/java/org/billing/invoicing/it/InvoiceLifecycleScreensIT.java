package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The lifecycle on the operator screens, in headless Chromium against the packaged WAR on Payara Micro
 * with a real SMTP server in this JVM (GreenMail): the March 2026 invoice of Acme wholesale (account 10,
 * 10.57 EUR) is approved, emailed and credited; a numbering series is created after a bad pattern. Each
 * test removes what it made, so the order of the tests does not matter.
 */
class InvoiceLifecycleScreensIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String RECIPIENT = "ap.lifecycle@acme.example";

    private static PostgresDatabase database;
    private static GreenMail smtp;
    private static PayaraMicro server;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void deploy() throws SQLException {
        database = PostgresDatabase.startMigrated();
        database.run("/fixtures/march-2026.sql");
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
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
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1440,1200", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1440, 1200));
        wait = new WebDriverWait(browser, WAIT);
    }

    /** The page the test ended on, to see why it failed; then the invoices, series and settings it made go. */
    @AfterEach
    void closeBrowser(TestInfo test) throws SQLException {
        if (browser != null) {
            screenshot("last-" + test.getTestMethod().orElseThrow().getName() + ".png");
            browser.quit();
        }
        Fixtures.removeInvoices(database);
    }

    @Test
    void anOperatorApprovesEmailsAndCreditsTheMarchInvoice() throws Exception {
        open("numbering.xhtml?account=10&direction=CUSTOMER");
        WebElement recipients = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("accountSettings:recipients")));
        recipients.clear();
        recipients.sendKeys(RECIPIENT);
        click("accountSettings:saveAccount");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "are saved"));
        screenshot("numbering-account.png");

        open("invoices.xhtml");
        fillCreateForm("Acme wholesale", "2026-03-01", "2026-03-31");
        click("create:save");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create:created")));
        browser.findElement(By.cssSelector("#create\\:created a")).click();
        wait.until(ExpectedConditions.urlContains("invoice.xhtml?id="));
        assertEquals("Pending", text("attrState"));
        assertTrue(text("heading").contains("not numbered yet"), text("heading"));
        assertTrue(browser.findElements(By.id("invoice:creditNote")).isEmpty(), "a Pending invoice is not credited");
        screenshot("invoice-pending.png");

        click("invoice:approve");
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        assertTrue(confirm.getText().contains("next number") && confirm.getText().contains("cannot be undone"),
                confirm.getText());
        wait.until(driver -> "1".equals(confirm.getCssValue("opacity")));
        screenshot("invoice-approve-confirm.png");
        click("invoice:confirmYes");
        wait.until(ExpectedConditions.textToBe(By.id("attrState"), "Approved"));
        String number = text("attrNumber").trim();
        assertTrue(number.matches("INV-\\d{4}-000001"), number);
        assertTrue(text("heading").contains(number), text("heading"));
        assertTrue(browser.findElements(By.id("invoice:approve")).isEmpty(), "an approved invoice is approved once");
        assertTrue(browser.findElements(By.id("invoice:delete")).isEmpty(), "an approved invoice is not deleted");
        assertTrue(text("invoice:messages").contains("approved with number " + number), text("invoice:messages"));
        screenshot("invoice-approved.png");

        // The email leaves after the approval commits; the Email tab shows it once it arrived.
        assertTrue(smtp.waitForIncomingEmail(WAIT.toMillis(), 1), "the approved invoice is emailed");
        browser.navigate().refresh();
        tab("Email");
        wait.until(ExpectedConditions.textToBe(By.id("deliveryStatus"), "Sent"));
        String delivery = rowContaining("invoice:activity:deliveries", RECIPIENT);
        assertTrue(delivery.contains("Sent") && delivery.contains("On issue"), delivery);
        scrollTo("invoice:activity");
        screenshot("invoice-email.png");

        click("invoice:creditNote");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("credit:reason")));
        click("credit:issueCreditNote");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("credit:reasonMessage"),
                "Say why the invoice is credited."));
        screenshot("credit-note-reason-required.png");
        browser.findElement(By.id("credit:reason")).sendKeys("Rates of March were wrong");
        click("credit:issueCreditNote");
        WebElement noteLink = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice:creditNoteLink")));
        assertTrue(text("invoice:messages").contains("reverses invoice " + number), text("invoice:messages"));
        assertTrue(browser.findElements(By.id("invoice:creditNote")).isEmpty(), "an invoice is credited once");
        assertEquals("Approved", text("attrState"));
        screenshot("invoice-credited.png");

        tab("History");
        List<String> actions = browser.findElements(By.cssSelector("[id='invoice:activity:history_data'] .event"))
                .stream().map(WebElement::getText).toList();
        assertTrue(actions.containsAll(List.of("CREATED", "APPROVED", "CREDITED")), actions.toString());
        assertTrue(actions.indexOf("CREATED") < actions.indexOf("APPROVED")
                && actions.indexOf("APPROVED") < actions.indexOf("CREDITED"), actions.toString());
        scrollTo("invoice:activity");
        screenshot("invoice-history.png");

        noteLink.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice:creditedInvoiceLink")));
        assertTrue(text("heading").matches("(?s)Credit note\\s+CN-\\d{4}-000001.*"), text("heading"));
        assertEquals("-10.57 EUR", browser.findElement(By.cssSelector("[data-figure='amount']")).getText());
        assertEquals("Rates of March were wrong", text("creditReason"));
        assertTrue(browser.findElements(By.id("invoice:creditNote")).isEmpty(), "a credit note is not credited");
        screenshot("credit-note.png");

        open("invoices.xhtml");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list\\:invoices_data > tr"), 2));
        String noteRow = rowContaining("list:invoices", "Credit note");
        assertTrue(noteRow.contains("CN-") && noteRow.contains("-10.57 EUR") && noteRow.contains("Approved"), noteRow);
        String invoiceRow = rowContaining("list:invoices", number);
        assertTrue(invoiceRow.contains("Credited") && invoiceRow.contains("10.57 EUR"), invoiceRow);
        screenshot("invoices-lifecycle.png");
    }

    @Test
    void anAdministratorCorrectsABadPatternCreatesASeriesAndRevisesIt() {
        open("invoices.xhtml");
        click("navNumbering");
        wait.until(ExpectedConditions.urlContains("numbering.xhtml"));
        assertTrue(rowContaining("seriesList:series", "Customer invoices").contains("INV-%year%-%num%"));

        type("series:name", "Wholesale");
        type("series:pattern", "WH-%yr%-%num%");
        type("series:startNumber", "5");
        type("series:padding", "4");
        click("series:save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("series:patternMessage"),
                "Unknown field %yr%"));
        assertTrue(text("series:nameMessage").isEmpty(), "the refusal is shown next to the pattern only");
        assertFalse(text("seriesList:series").contains("Wholesale"), "a refused series is not stored");
        screenshot("numbering-bad-pattern.png");

        type("series:pattern", "WH-%year%-%num%");
        click("series:save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Series 'Wholesale' is created"));
        String row = rowContaining("seriesList:series", "Wholesale");
        assertTrue(row.matches("Wholesale WH-%year%-%num% 5 4 No WH-\\d{4}-0005.*"), row);
        assertEquals("", text("series:patternMessage"));
        assertEquals("New series", browser.findElement(By.cssSelector("#series h2")).getText());
        screenshot("numbering.png");

        browser.findElement(By.xpath("//*[@id='seriesList:series_data']/tr[td[normalize-space()='Wholesale']]//button"))
                .click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#series h2"), "Edit series Wholesale"));
        assertEquals("WH-%year%-%num%", browser.findElement(By.id("series:pattern")).getDomProperty("value"));
        type("series:padding", "6");
        click("series:save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Series 'Wholesale' is saved"));
        assertTrue(rowContaining("seriesList:series", "Wholesale").matches(".* WH-\\d{4}-000005.*"),
                rowContaining("seriesList:series", "Wholesale"));
    }

    private void open(String path) {
        browser.get(server.baseUri().resolve(path).toString());
    }

    private void fillCreateForm(String account, String startDate, String endDate) {
        click("create:accountId");
        wait.until(driver -> "create:accountId_filter".equals(driver.switchTo().activeElement().getAttribute("id")));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "#create\\:accountId_items li[data-label^='" + account + "']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("create:accountId_label"), account));
        typeDate("create:startDate", startDate);
        typeDate("create:endDate", endDate);
    }

    private void typeDate(String id, String value) {
        WebElement input = browser.findElement(By.id(id + "_input"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        assertEquals(value, input.getDomProperty("value"));
    }

    private void type(String id, String value) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    }

    private void tab(String title) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[@id='invoice:activity']//li[contains(@class,'ui-tabs-header')][normalize-space()='" + title + "']")))
                .click();
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.findElement(By.id(id)));
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String rowContaining(String tableId, String text) {
        return browser.findElements(By.cssSelector("[id='" + tableId + "_data'] > tr")).stream()
                .map(WebElement::getText)
                .map(row -> row.replace('\n', ' '))
                .filter(row -> row.contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row with " + text + " in " + text(tableId)));
    }

    private void screenshot(String name) {
        Path directory = Path.of(System.getProperty("invoicing.war")).resolveSibling("screenshots");
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
