package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

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

/**
 * The operator screens in a real headless Chromium against the packaged WAR on Payara Micro, with the
 * hand-checked fixture of invoice-ejb ({@code march-2026.sql}): Acme wholesale (account 10, Europe/Berlin)
 * owes 10.57 EUR for March 2026 over 7 calls.
 */
class InvoiceScreensIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static PostgresDatabase database;
    private static PayaraMicro server;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void deploy() throws SQLException {
        database = PostgresDatabase.startMigrated();
        database.run("/fixtures/march-2026.sql");
        server = PayaraMicro.start(database.environment(), "api/v1/accounts");
    }

    @AfterAll
    static void undeploy() throws IOException {
        if (server != null) {
            server.close();
        }
        database.close();
    }

    @BeforeEach
    void openBrowser(@TempDir Path profile) throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM invoice");
        }
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

    /** The page the test ended on, to see why it failed. */
    @AfterEach
    void closeBrowser(TestInfo test) {
        if (browser != null) {
            screenshot("last-" + test.getTestMethod().orElseThrow().getName() + ".png");
            browser.quit();
        }
    }

    @Test
    void anOperatorCalculatesSavesViewsAndDeletesTheMarchInvoice() throws SQLException {
        open("invoices.xhtml");
        assertTrue(text("list:invoices").contains("No invoices match."), text("list:invoices"));

        fillCreateForm("Acme wholesale", "2026-03-01", "2026-03-31");
        click("create:calculate");
        WebElement preview = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create:preview")));
        assertEquals("10.57 EUR", figure(preview, "amount"));
        assertEquals("7", figure(preview, "calls"));
        assertTrue(text("list:invoices").contains("No invoices match."), "Calculate must not save");
        assertEquals(0, storedInvoices());
        screenshot("invoices-calculated.png");

        click("create:save");
        WebElement created = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create:created")));
        assertTrue(created.getText().contains("10.57 EUR"), created.getText());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#list\\:invoices a.invoice-link")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#list\\:invoices_data > tr"));
        assertEquals(1, rows.size());
        String row = rows.get(0).getText();
        assertTrue(row.contains("Acme wholesale") && row.contains("Pending") && row.contains("Customer")
                && row.contains("Manual") && row.contains("2026-03-01") && row.contains("2026-03-31")
                && row.contains("10.57 EUR"), row);
        assertEquals(1, storedInvoices());
        screenshot("invoices.png");

        browser.findElement(By.cssSelector("#list\\:invoices a.invoice-link")).click();
        wait.until(ExpectedConditions.urlContains("invoice.xhtml?id="));
        WebElement figures = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".figures")));
        assertEquals("10.57 EUR", figure(figures, "amount"));
        assertEquals("13.62 EUR", figure(figures, "spent"));
        assertEquals("3.05 EUR", figure(figures, "earned"));
        // The call to France: prefix 33, one successful call of 125 s (2.08 min) at 0.18 for 0.54.
        String france = rowContaining("invoice:tables:INV_ORIG_DST_TABLE", "France");
        assertTrue(france.matches("33 France Orange 0\\.18 1 1 125 2\\.08 180 0\\.54 .*"), france);
        assertEquals(List.of("Destinations", "Destinations, successful", "Networks", "Networks, successful",
                "Services"), browser.findElements(By.cssSelector("#invoice\\:tables .ui-tabs-header")).stream()
                .map(WebElement::getText).toList());
        screenshot("invoice.png");
        String detailUrl = browser.getCurrentUrl();

        open("invoices.xhtml");
        fillCreateForm("Acme wholesale", "2026-03-15", "2026-04-10");
        click("create:save");
        // The message of the start date input, which the refusal names (field "startDate").
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("create:startDateMessage"),
                "The period overlaps invoice"));
        assertEquals(1, storedInvoices());
        screenshot("invoices-overlap.png");

        browser.get(detailUrl);
        click("invoice:delete");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("invoice:confirmYes"))).click();
        wait.until(ExpectedConditions.urlContains("invoices.xhtml"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:invoices"), "No invoices match."));
        assertTrue(browser.getPageSource().contains("was deleted"));
        assertEquals(0, storedInvoices());
    }

    @Test
    void anUnknownInvoiceIsSaidSo() {
        open("invoice.xhtml?id=987654");
        WebElement notFound = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        assertTrue(notFound.getText().contains("No such invoice"), notFound.getText());
        assertTrue(notFound.getText().contains("987654"), notFound.getText());
    }

    private void open(String path) {
        browser.get(server.baseUri().resolve(path).toString());
    }

    private void fillCreateForm(String account, String startDate, String endDate) {
        click("create:accountId");
        // The menu takes clicks once it has opened, which is when its filter box has the focus.
        wait.until(driver -> "create:accountId_filter".equals(driver.switchTo().activeElement().getAttribute("id")));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "#create\\:accountId_items li[data-label^='" + account + "']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("create:accountId_label"), account));
        WebElement customer = browser.findElement(
                By.xpath("//*[@id='create:direction']//*[normalize-space()='Customer']/ancestor-or-self::div[1]"));
        if (!customer.getAttribute("class").contains("ui-state-active")) {
            customer.click();
        }
        typeDate("create:startDate", startDate);
        typeDate("create:endDate", endDate);
    }

    /** Types a date over what the field holds, as an operator does (the calendar opens from its button only). */
    private void typeDate(String id, String value) {
        WebElement input = browser.findElement(By.id(id + "_input"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        assertEquals(value, input.getDomProperty("value"));
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String figure(WebElement container, String name) {
        return container.findElement(By.cssSelector("[data-figure='" + name + "']")).getText();
    }

    private String rowContaining(String tableId, String text) {
        return browser.findElements(By.cssSelector("[id='" + tableId + "_data'] > tr")).stream()
                .map(WebElement::getText)
                .map(row -> row.replace('\n', ' '))
                .filter(row -> row.contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row with " + text + " in " + text(tableId)));
    }

    private static long storedInvoices() throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM invoice")) {
            count.next();
            return count.getLong(1);
        }
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
}
