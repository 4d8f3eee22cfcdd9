package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import jakarta.json.JsonObject;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The Sellers and taxes screen in headless Chromium against the deployed WAR: an administrator's seller
 * refused next to its VAT ID, then created as the default; a buyer's tax profile refused and kept, as the
 * REST API then shows it; a viewer reads and changes nothing.
 */
@ExtendWith(DeployedModule.class)
class TaxScreensIT {

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http admin = DeployedModule.deployment().http().as(Users.ADMIN);

    private Browser browser;

    @BeforeEach
    void noProfiles() throws Exception {
        Fixtures.removeTaxProfiles(database);
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            browser.closeAfter(test);
        }
        Fixtures.removeTaxProfiles(database);
    }

    @Test
    void anAdministratorKeepsTheSellerAndABuyersTaxes(@TempDir Path profile) {
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.ADMIN);
        browser.click("navTaxes");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("seller:legalName")));
        assertTrue(browser.text("sellerList:sellers").contains("No seller yet."), browser.text("sellerList:sellers"));
        browser.checkScreen("sellers and taxes, none yet");

        browser.type("seller:legalName", "Carrier GmbH");
        browser.type("seller:street", "Hauptstr. 1");
        browser.type("seller:postalCode", "10115");
        browser.type("seller:city", "Berlin");
        browser.type("seller:country", "DE");
        browser.type("seller:vatId", "DE 1234");
        browser.type("seller:iban", "DE89 3704 0044 0532 0130 00");
        browser.click("seller:save");
        browser.await()
                .until(ExpectedConditions.textToBe(
                        By.id("seller:vatIdMessage"),
                        "'DE1234' is not a VAT ID of DE: it is written like DE123456789."));
        browser.checkScreen("sellers and taxes, a VAT ID refused");
        browser.type("seller:vatId", "DE 123 456 789");
        browser.click("seller:save");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), "Seller 'Carrier GmbH' is created; it is the default seller."));
        String row = browser.rowContaining("sellerList:sellers", "Carrier GmbH");
        assertTrue(row.contains("DE DE123456789 30 days Yes"), row);

        new Select(browser.driver().findElement(By.id("buyer:contractor"))).selectByVisibleText("Carrier B");
        browser.await()
                .until(ExpectedConditions.textToBe(By.id("buyer:none"), "This contractor has no tax profile yet."));
        new Select(browser.driver().findElement(By.id("buyer:treatment")))
                .selectByVisibleText("Reverse charge (EU business buyer)");
        browser.type("buyer:country", "FR");
        browser.click("buyer:save");
        browser.await()
                .until(ExpectedConditions.textToBe(
                        By.id("buyer:vatIdMessage"), "A reverse-charge invoice names the buyer's VAT ID: give it."));
        browser.checkScreen("sellers and taxes, a buyer refused");
        browser.type("buyer:vatId", "FRXX123456789");
        browser.click("buyer:save");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"),
                        "The tax profile is saved: Reverse charge (EU business buyer), VAT category AE."));
        browser.checkScreen("sellers and taxes, a buyer kept");
        browser.checkTablet("sellers and taxes");

        JsonObject kept = admin.get("api/v1/contractors/2/tax-profile").jsonObject();
        assertEquals("REVERSE_CHARGE", kept.getString("treatment"));
        assertEquals("FRXX123456789", kept.getString("vatId"));
        assertEquals(1, admin.get("api/v1/seller-profiles").jsonArray().size());
    }

    @Test
    void aViewerReadsButChangesNothing(@TempDir Path profile) {
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.VIEWER);
        browser.open("taxes.xhtml");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("sellerList:sellers")));
        assertEquals(
                " Only an administrator changes them.",
                " " + browser.text("readOnly").trim());
        assertTrue(browser.driver().findElements(By.id("seller:legalName")).isEmpty(), "no seller form for a viewer");
        browser.checkScreen("sellers and taxes, read only");
    }
}
