package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

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
 * A prepay account's invoice on the screens, in headless Chromium (seed 002): the April 2026 invoice of
 * Acme retail (account 30; figures of invoice-ejb's PrepayInvoiceTest) with its Charges, Subscriptions
 * and Corrections, and the invoice list filtered by payment model. A viewer reads it all.
 */
@ExtendWith(DeployedModule.class)
class PrepayInvoiceScreensIT {

    private final Http admin = DeployedModule.deployment().http();

    private Browser browser;
    private long prepay;
    private long postpay;

    @BeforeEach
    void invoices(@TempDir Path profile) throws Exception {
        Fixtures.removeInvoices(DeployedModule.deployment().database());
        prepay = create(request(30, "CUSTOMER", "2026-04-01", "2026-04-30"));
        postpay = create(request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.VIEWER);
    }

    private long create(jakarta.json.JsonObject request) {
        Http.Response created = admin.post("api/v1/invoices", request);
        assertEquals(201, created.status(), created.text());
        return created.jsonObject().getJsonNumber("id").longValue();
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            browser.closeAfter(test);
        }
        Fixtures.removeInvoices(DeployedModule.deployment().database());
    }

    @Test
    void aPrepayInvoiceShowsItsChargesSubscriptionsAndCorrections() {
        browser.open("invoice.xhtml?id=" + prepay);
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("charges")));

        assertEquals("Closed", browser.text("attrState"));
        assertTrue(browser.text("attrPaymentModel").startsWith("Prepay"), browser.text("attrPaymentModel"));
        // 21.3515 and 32.505, rounded half-up for display.
        assertEquals("21.35 EUR", figure("amount"));
        assertEquals("32.51 EUR", figure("corrections"));
        assertEquals(
                List.of("Charges", "Subscriptions", "Corrections"),
                List.of(heading("charges"), heading("subscriptions"), heading("corrections")));

        // #, description, quantity (3 decimals), months, unit price, discount, taxes, amount.
        assertEquals(
                "1 DID +49 40 2000, Hamburg, quarterly 1.000 3 4.00 1.20 2.05 12.85",
                browser.rowContaining("invoice:INV_CHARGES_TABLE", "Hamburg"));
        assertEquals(
                "4 Refund: trunk outage on 2026-04-12 1.000 \u2014 -5.00 0.00 -0.95 -5.95",
                browser.rowContaining("invoice:INV_CHARGES_TABLE", "Refund"));
        assertTrue(browser.rowContaining("invoice:INV_CHARGES_TABLE", "Call recording")
                .startsWith("5 Call recording"));
        assertEquals(
                "302 DID pack Hamburg Installation failed",
                browser.rowContaining("invoice:INV_SUBSCRIPTIONS_TABLE", "302"));
        assertEquals(
                "301 SIP trunk, 10 channels Active", browser.rowContaining("invoice:INV_SUBSCRIPTIONS_TABLE", "301"));
        assertEquals(
                "1 Top-up by bank transfer \u25B2 50.00 2026-04-05 14:00:00",
                browser.rowContaining("invoice:INV_CORRECTIONS_TABLE", "Top-up"));
        assertEquals(
                "2 Goodwill credit for the outage \u25B2 2.51 2026-04-05 14:00:00",
                browser.rowContaining("invoice:INV_CORRECTIONS_TABLE", "Goodwill"));
        assertEquals(
                "3 Chargeback of card payment \u25BC -20.00 2026-04-25 08:30:00",
                browser.rowContaining("invoice:INV_CORRECTIONS_TABLE", "Chargeback"));
        browser.scrollTo("charges");
        browser.screenshot("invoice-prepay.png");
        browser.checkScreen("invoice-prepay");

        browser.open("invoice.xhtml?id=" + postpay);
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("attrPaymentModel")));
        assertTrue(browser.text("attrPaymentModel").startsWith("Postpay"), browser.text("attrPaymentModel"));
        assertTrue(browser.driver().findElements(By.id("charges")).isEmpty(), "a postpay invoice has no charges group");
        assertTrue(browser.driver()
                .findElements(By.cssSelector("[data-figure='corrections']"))
                .isEmpty());
    }

    @Test
    void theListIsFilteredByPaymentModelWithoutAColumnOfItsOwn() {
        browser.open("invoices.xhtml");
        browser.await()
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#list\\:invoices a.invoice-link")));
        assertEquals(2, rows().size());
        assertFalse(browser.text("list:invoices").contains("Payment model"), "no column of its own (seed 002)");

        choose("list:filterPaymentModel", "Prepay");
        awaitOnlyRow("Acme retail");
        assertTrue(rows().get(0).getText().contains("21.35 EUR"), rows().get(0).getText());
        browser.screenshot("invoices-prepay.png");
        browser.checkScreen("invoices-prepay");

        choose("list:filterPaymentModel", "Postpay");
        awaitOnlyRow("Acme wholesale");
    }

    /** Waits for the list, which the filter re-renders, to hold one row only, of that account. */
    private void awaitOnlyRow(String account) {
        browser.await()
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> rows().size() == 1 && rows().get(0).getText().contains(account));
    }

    private List<WebElement> rows() {
        return browser.driver()
                .findElements(By.cssSelector("#list\\:invoices_data > tr:not(.ui-datatable-empty-message)"));
    }

    /** Picks an option of a PrimeFaces select menu by its label, once its panel has finished opening. */
    private void choose(String menu, String label) {
        browser.click(menu);
        WebElement panel = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id(menu + "_panel")));
        browser.await().until(driver -> "1".equals(panel.getCssValue("opacity")));
        String items = "[id='" + menu + "_items'] li[data-label='" + label + "']";
        browser.await()
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(items)))
                .click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id(menu + "_label"), label));
    }

    private String figure(String name) {
        return browser.driver()
                .findElement(By.cssSelector(".figures [data-figure='" + name + "']"))
                .getText();
    }

    private String heading(String section) {
        return browser.driver()
                .findElement(By.cssSelector("#" + section + " > h2"))
                .getText();
    }
}
