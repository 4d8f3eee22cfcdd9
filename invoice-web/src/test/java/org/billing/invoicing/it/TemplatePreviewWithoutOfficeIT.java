package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.billing.invoicing.document.DocumentFixtures;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * "Preview PDF" on a server without LibreOffice (its office home points nowhere), which the module
 * supports: the operator reads why on the Templates screen, in the tab the link opened, instead of an
 * error page.
 */
class TemplatePreviewWithoutOfficeIT {

    private static final String MISSING_OFFICE = "/nonexistent/libreoffice";

    private static PostgresDatabase database;
    private static PayaraMicro server;

    @BeforeAll
    static void deploy() throws SQLException {
        database = PostgresDatabase.startMigrated();
        database.run("/fixtures/march-2026.sql");
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("INVOICING_OFFICE_HOME", MISSING_OFFICE);
        server = PayaraMicro.start(environment, "api/v1/accounts");
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (server != null) {
            server.close();
        }
        database.close();
    }

    @Test
    void thePreviewSaysLibreOfficeIsMissingOnThePage(@TempDir Path profile) {
        Http admin = new Http(server.baseUri()).as(Users.ADMIN);
        Http.Response created = admin.upload(
                "api/v1/invoice-templates?name=Carrier&filename=carrier.odt",
                DocumentFixtures.demoTemplate(),
                "application/vnd.oasis.opendocument.text");
        assertEquals(201, created.status(), created.text());
        long id = created.jsonObject().getJsonNumber("id").longValue();

        try (Browser browser = Browser.start(profile, server.baseUri(), Users.VIEWER)) {
            browser.open("templates.xhtml");
            String templates = browser.driver().getWindowHandle();
            browser.click("templateList:templates:0:preview");
            browser.await().until(driver -> driver.getWindowHandles().size() == 2);
            String preview = browser.driver().getWindowHandles().stream()
                    .filter(h -> !h.equals(templates))
                    .findFirst()
                    .orElseThrow();
            browser.driver().switchTo().window(preview);
            browser.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("messages"),
                            "No PDF preview of template " + id
                                    + ": PDF documents need LibreOffice, which is not installed at " + MISSING_OFFICE));
            assertTrue(
                    browser.driver().getCurrentUrl().endsWith("/invoicing/templates.xhtml"),
                    browser.driver().getCurrentUrl());
            assertTrue(
                    browser.rowContaining("templateList:templates", "Carrier").contains("carrier.odt"));
            browser.screenshot("templates-preview-without-office.png");

            // Said once: the page opened again has no message.
            browser.open("templates.xhtml");
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("templateList")));
            assertEquals("", browser.text("messages"));
        }
    }
}
