package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import org.billing.invoicing.testing.GeneratedInvoices;
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
 * The invoice list's search box (seed 003: number, account or contractor name) in headless Chromium,
 * and the list above 10,000 invoices, which says "more than" and still pages on.
 */
@ExtendWith(DeployedModule.class)
class InvoiceListScreensIT {

    private final Http admin = DeployedModule.deployment().http();

    private Browser browser;

    @BeforeEach
    void invoices(@TempDir Path profile) throws Exception {
        Fixtures.removeInvoices(DeployedModule.deployment().database());
        for (jakarta.json.JsonObject request : List.of(
                request(10, "CUSTOMER", "2026-03-01", "2026-03-31"),
                request(20, "VENDOR", "2026-03-01", "2026-03-31"))) {
            Http.Response created = admin.post("api/v1/invoices", request);
            assertEquals(201, created.status(), created.text());
        }
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.VIEWER);
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            browser.closeAfter(test);
        }
        Fixtures.removeInvoices(DeployedModule.deployment().database());
    }

    @Test
    void theSearchBoxFindsAnAccountOrContractorAsOneTypes() {
        browser.open("invoices.xhtml");
        browser.await().ignoring(StaleElementReferenceException.class).until(driver -> rows().size() == 2);

        browser.type("list:filterText", "carrier b");
        awaitOnlyRow("Carrier B termination");
        browser.screenshot("invoices-search.png");
        browser.checkScreen("invoices-search");

        browser.type("list:filterText", "ACME");
        awaitOnlyRow("Acme wholesale");

        browser.type("list:filterText", "nobody at all");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("list:invoices"), "No invoices match."));
    }

    @Test
    void aboveTenThousandInvoicesTheListSaysMoreThanAndPagesOn() throws Exception {
        try (Connection connection = DeployedModule.deployment().database().connection()) {
            GeneratedInvoices.insert(connection, 1, 10_100);
        }
        browser.open("invoices.xhtml");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("list:invoices"), "More than 10000 invoices match"));
        assertEquals(20, rows().size());
        browser.driver()
                .findElement(By.cssSelector("#list\\:invoices .ui-paginator-next"))
                .click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:invoices"), "21–40"));
        assertEquals(20, rows().size());
        // The pages also turn from the keyboard, with the shortcuts the paginator's links announce.
        assertEquals(
                "Alt+Shift+N",
                browser.driver()
                        .findElement(By.cssSelector("#list\\:invoices .ui-paginator-next"))
                        .getAttribute("aria-keyshortcuts"));
        browser.shortcut('N');
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:invoices"), "41–60"));
        browser.shortcut('P');
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("list:invoices"), "21–40"));
        browser.screenshot("invoices-more-than.png");
        browser.checkScreen("invoices-more-than");

        browser.type("list:filterText", "nobody at all");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("list:invoices"), "No invoices match."));
        assertTrue(!browser.text("list:invoices").contains("More than"), browser.text("list:invoices"));
    }

    /** Waits for the list, which the search re-renders, to hold one row only, of that account. */
    private void awaitOnlyRow(String account) {
        browser.await()
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> rows().size() == 1 && rows().get(0).getText().contains(account));
    }

    private List<WebElement> rows() {
        return browser.driver()
                .findElements(By.cssSelector("#list\\:invoices_data > tr:not(.ui-datatable-empty-message)"));
    }
}
