package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import jakarta.json.JsonObject;

import org.billing.invoicing.document.DocumentFixtures;
import org.billing.invoicing.document.Hashes;
import org.billing.invoicing.document.Pdf;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Templates screen (seed 003) in headless Chromium against the deployed WAR: an administrator's upload
 * refused with the service's reasons next to the file, a stored template with its SHA-1, the global
 * default, an account's template, "View source" and "Preview PDF" fetched with the browser's session, and
 * the default's delete refused; a viewer reads and downloads but changes nothing.
 */
@ExtendWith(DeployedModule.class)
class TemplateScreensIT {

    private static final String TEMPLATES = "api/v1/invoice-templates";
    private static final String ODT = "application/vnd.oasis.opendocument.text";
    private static final String LIST = "templateList:templates";

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http admin = DeployedModule.deployment().http();

    private Browser browser;

    @BeforeEach
    void noTemplates() throws Exception {
        Fixtures.removeTemplates(database);
    }

    /** The page the test ended on, to see why it failed; then the templates it made go (other classes share the database). */
    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        if (browser != null) {
            browser.closeAfter(test);
        }
        Fixtures.removeTemplates(database);
    }

    @Test
    void anAdministratorUploadsChoosesTheDefaultAssignsViewsAndCannotDeleteTheDefault(
            @TempDir Path profile, @TempDir Path files) throws Exception {
        byte[] demo = DocumentFixtures.demoTemplate();
        String content = DocumentFixtures.entry(demo, "content.xml");
        assertTrue(content.contains("[C_PHONES]"), "the demo template prints the contractor's phones");
        Path unknown = Files.write(
                files.resolve("fax.odt"),
                DocumentFixtures.withEntry(
                        demo,
                        "content.xml",
                        content.replace("[C_PHONES]", "[C_FAX]").getBytes(StandardCharsets.UTF_8)));
        Path letter = Files.writeString(files.resolve("letter.odt"), "Dear customer, ...");
        Path huge = Files.write(files.resolve("huge.odt"), new byte[11 * 1024 * 1024]);
        Path carrier = Files.write(files.resolve("carrier.odt"), demo);

        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.ADMIN);
        browser.click("navTemplates");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("upload:name")));
        assertTrue(browser.text(LIST).contains("No templates yet."), browser.text(LIST));
        browser.checkScreen("templates, none yet");

        upload("Carrier", unknown);
        awaitFileMessage("Unknown placeholders: [C_FAX] in table Parties, row 1: \"Phone: [C_FAX]\".");
        browser.screenshot("templates-unknown-placeholder.png");
        browser.checkScreen("templates-unknown-placeholder");
        upload("Carrier", letter);
        awaitFileMessage("The file is not an .odt document (not a zip package).");
        upload("Carrier", huge);
        awaitFileMessage("The file has " + Files.size(huge) + " bytes; at most 10485760 are accepted.");
        assertEquals(0, count("SELECT count(*) FROM invoice_template"), "nothing refused is stored");
        assertTrue(browser.text(LIST).contains("No templates yet."), browser.text(LIST));

        upload("Carrier", carrier);
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), "Template 'Carrier' is stored"));
        assertTrue(browser.text("upload:fileMessage").isEmpty(), browser.text("upload:fileMessage"));
        String sha1 = Hashes.sha1(demo);
        String row = browser.rowContaining(LIST, "Carrier");
        assertTrue(
                row.contains("carrier.odt") && row.contains(sha1) && row.contains("by " + Users.ADMIN.username()), row);
        assertFalse(row.contains("Default"), row);
        long id = onlyTemplate().getJsonNumber("id").longValue();

        browser.choose("globalDefault:templateId", "Carrier");
        browser.click("globalDefault:saveDefault");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), "'Carrier' is the global default template"));
        assertTrue(browser.rowContaining(LIST, "Carrier").contains("Default"), browser.rowContaining(LIST, "Carrier"));
        assertEquals(
                id,
                admin.get(TEMPLATES + "/default")
                        .jsonObject()
                        .getJsonNumber("templateId")
                        .longValue());

        browser.open("templates.xhtml?account=10&direction=CUSTOMER");
        browser.await()
                .until(ExpectedConditions.textToBe(
                        By.id("assignment:current"), "No template of its own: the global default 'Carrier'."));
        browser.choose("assignment:templateId", "Carrier");
        browser.click("assignment:saveAssignment");
        browser.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), "The customer invoices of account 10 are made with template 'Carrier'."));
        assertEquals("Its own template 'Carrier'.", browser.text("assignment:current"));
        JsonObject assigned = admin.get("api/v1/accounts/10/invoice-templates").jsonObject();
        assertEquals(
                id,
                assigned.getJsonObject("CUSTOMER").getJsonNumber("templateId").longValue(),
                assigned.toString());
        assertTrue(assigned.getJsonObject("VENDOR").isNull("templateId"), assigned.toString());
        WebElement accounts = browser.driver().findElement(By.id(LIST + ":0:accounts"));
        assertEquals("1", accounts.getText());
        assertEquals("10 Acme wholesale (Customer)", accounts.getAttribute("title"));
        browser.screenshot("templates.png");
        browser.checkScreen("templates");
        browser.checkTablet("templates");

        Browser.Download source = browser.download(LIST + ":0:source");
        assertEquals(200, source.status());
        assertArrayEquals(demo, source.body(), "View source gives the file as uploaded");
        assertEquals(ODT, source.response().headers().firstValue("Content-Type").orElseThrow());
        assertTrue(
                source.header("Content-Disposition").startsWith("attachment; filename=\"carrier.odt\""),
                source.header("Content-Disposition"));

        WebElement preview = browser.driver().findElement(By.id(LIST + ":0:preview"));
        assertEquals("_blank", preview.getAttribute("target"), "the preview opens in a tab of its own");
        Browser.Download pdf = browser.download(LIST + ":0:preview");
        assertEquals(200, pdf.status(), pdf.text());
        assertEquals(
                "application/pdf",
                pdf.response().headers().firstValue("Content-Type").orElseThrow());
        assertTrue(pdf.text().startsWith("%PDF-"), "a PDF");
        assertTrue(
                pdf.header("Content-Disposition").startsWith("inline; filename=\"carrier-preview.pdf\""),
                pdf.header("Content-Disposition"));
        String text = Pdf.text(pdf.body());
        assertTrue(text.contains("No. [I_REF]") && text.contains("[C_NAME]"), "placeholders as they are: " + text);

        browser.click(LIST + ":0:delete");
        WebElement confirm = browser.await()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        browser.await().until(driver -> "1".equals(confirm.getCssValue("opacity")));
        browser.checkScreen("templates, the delete confirmation");
        browser.click("templateList:confirmYes");
        browser.await()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("messages"),
                                "Template " + id
                                        + " 'Carrier' is in use: it is the global default template; account 10 'Acme wholesale' (Customer)."));
        browser.screenshot("templates-delete-refused.png");
        browser.checkScreen("templates-delete-refused");
        assertEquals(1, count("SELECT count(*) FROM invoice_template"), "the default is kept");
        assertTrue(browser.rowContaining(LIST, "Carrier").contains(sha1));
    }

    @Test
    void aViewerReadsTheListAndDownloadsButChangesNothing(@TempDir Path profile) throws Exception {
        byte[] demo = DocumentFixtures.demoTemplate();
        Http.Response created = admin.upload(TEMPLATES + "?name=Carrier&filename=carrier.odt", demo, ODT);
        assertEquals(201, created.status(), created.text());

        browser = Browser.start(profile, DeployedModule.deployment().server().baseUri(), Users.VIEWER);
        browser.open("templates.xhtml?account=10&direction=CUSTOMER");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id(LIST)));
        String row = browser.rowContaining(LIST, "Carrier");
        assertTrue(row.contains(Hashes.sha1(demo)) && row.contains("View source") && row.contains("Preview PDF"), row);
        assertTrue(browser.text("readOnly").contains("Only an administrator"), browser.text("readOnly"));
        assertEquals(
                "No template of its own, and there is no global default: its invoices get no document.",
                browser.text("assignment:current"));
        for (String id : List.of(
                "upload",
                "upload:name",
                "upload:save",
                LIST + ":0:delete",
                "globalDefault:saveDefault",
                "assignment:saveAssignment")) {
            assertTrue(browser.driver().findElements(By.id(id)).isEmpty(), id + " is shown to a viewer");
        }
        browser.screenshot("templates-viewer.png");
        browser.checkScreen("templates-viewer");

        // What a viewer could send by hand: the default form's save, as PrimeFaces would send it.
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "PrimeFaces.ab({s: 'globalDefault:saveDefault', f: 'globalDefault', u: 'globalDefault messages'});");
        browser.awaitAjax();
        assertTrue(admin.get(TEMPLATES + "/default").jsonObject().isNull("templateId"), "no default was chosen");

        Browser.Download source = browser.download(LIST + ":0:source");
        assertEquals(200, source.status());
        assertArrayEquals(demo, source.body(), "every role may read the source");
    }

    private void upload(String name, Path file) {
        browser.type("upload:name", name);
        browser.driver()
                .findElement(By.cssSelector("[id='upload'] input[type='file']"))
                .sendKeys(file.toString());
        browser.click("upload:save");
    }

    private void awaitFileMessage(String text) {
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload:fileMessage"), text));
    }

    /** Picks an option of a PrimeFaces select menu by its label, once its panel has faded in (a click during the fade is lost). */
    private JsonObject onlyTemplate() {
        Http.Response list = admin.get(TEMPLATES);
        assertEquals(1, list.jsonArray().size(), list.text());
        return list.jsonArray().getJsonObject(0);
    }

    private long count(String sql) throws Exception {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
