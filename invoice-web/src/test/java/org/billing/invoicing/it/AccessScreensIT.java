package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Login, logout and roles in the screens, in a real headless Chromium against the deployed WAR: every
 * page asks for a login first; a viewer sees no action and an action posted anyway changes nothing; an
 * operator sees and uses them.
 */
@ExtendWith(DeployedModule.class)
class AccessScreensIT {

    private final Http operator = new Http(DeployedModule.deployment().server().baseUri()).as(Users.OPERATOR);

    private Browser browser;
    private long pending;

    @BeforeEach
    void pendingInvoice(@TempDir Path profile) throws Exception {
        Fixtures.removeInvoices(DeployedModule.deployment().database());
        Http.Response created = operator.post("api/v1/invoices", request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        assertEquals(201, created.status(), created.text());
        pending = created.jsonObject().getJsonNumber("id").longValue();
        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri());
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            browser.closeAfter(test);
        }
        Fixtures.removeInvoices(DeployedModule.deployment().database());
    }

    @Test
    void aPageAsksForTheLoginFirstThenOpens() {
        browser.open("invoice.xhtml?id=" + pending);
        browser.await().until(ExpectedConditions.urlContains("/login.xhtml"));

        browser.type("login:username", Users.VIEWER.username());
        browser.type("login:password", "not-the-password");
        browser.checkScreen("login");
        browser.checkTablet("login");
        browser.click("login:submit");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("login:passwordMessage"), "The user name or password is wrong."));
        browser.checkScreen("login, the password refused");

        browser.type("login:username", Users.VIEWER.username());
        browser.type("login:password", Users.VIEWER.password());
        browser.click("login:submit");
        browser.await().until(ExpectedConditions.urlContains("/invoice.xhtml?id=" + pending));
        assertEquals(Users.VIEWER.username() + " · viewer", browser.text("session:user"));
        assertTrue(browser.text("heading").contains("Invoice"), browser.text("heading"));
    }

    @Test
    void theLoginNeverLeadsToAnotherSite() {
        browser.open("login.xhtml?next=//attacker.example/phish");
        browser.type("login:username", Users.VIEWER.username());
        browser.type("login:password", Users.VIEWER.password());
        browser.click("login:submit");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("session:user")));
        assertTrue(
                browser.driver().getCurrentUrl().endsWith("/invoicing/index.xhtml"),
                browser.driver().getCurrentUrl());
    }

    @Test
    void aViewerSeesNoActionAndAnApprovalPostedAnywayIsRefused() {
        browser.logIn(Users.VIEWER);

        browser.open("invoice.xhtml?id=" + pending);
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("heading")));
        assertAbsent("invoice:approve", "invoice:delete", "invoice:creditNote", "invoice:resend");
        browser.checkScreen("invoice, a viewer");

        // What a viewer could send by hand: the approve button's Ajax request, as PrimeFaces would send it.
        ((JavascriptExecutor) browser.driver())
                .executeScript("PrimeFaces.ab({s: 'invoice:approve', f: 'invoice', u: 'invoice', a: true});");
        browser.awaitAjax();
        assertEquals(
                "PENDING",
                operator.get("api/v1/invoices/" + pending).jsonObject().getString("state"));
        browser.open("invoice.xhtml?id=" + pending);
        assertTrue(browser.text("heading").contains("not numbered yet"), browser.text("heading"));

        browser.open("invoices.xhtml");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("create:accountId")));
        assertAbsent("create:calculate", "create:save");
        browser.checkScreen("invoices, a viewer");

        browser.open("numbering.xhtml");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("seriesList")));
        assertAbsent("series:save", "defaults:saveDefaults", "accountSettings:saveAccount");
    }

    @Test
    void anOperatorApprovesThenLogsOut() {
        browser.logIn(Users.OPERATOR);
        assertEquals(Users.OPERATOR.username() + " · operator", browser.text("session:user"));

        browser.open("invoice.xhtml?id=" + pending);
        browser.click("invoice:approve");
        org.openqa.selenium.WebElement confirm = browser.await()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        browser.await().until(driver -> "1".equals(confirm.getCssValue("opacity")));
        browser.checkScreen("invoice, the approval confirmation");
        browser.click("invoice:confirmYes");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("invoice:messages"), "is approved"));
        browser.checkScreen("invoice, approved");
        assertEquals(
                "APPROVED",
                operator.get("api/v1/invoices/" + pending).jsonObject().getString("state"));

        browser.open("numbering.xhtml");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("seriesList")));
        assertAbsent("series:save", "defaults:saveDefaults", "accountSettings:saveAccount");

        browser.click("session:logout");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("loggedOut")));
        browser.checkScreen("login, logged out");
        browser.open("invoices.xhtml");
        browser.await().until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    private void assertAbsent(String... ids) {
        for (String id : List.of(ids)) {
            assertTrue(browser.driver().findElements(By.id(id)).isEmpty(), id + " is shown");
        }
    }
}
