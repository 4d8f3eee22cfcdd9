package org.billing.invoicing.it;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The operator screens in a real headless Chromium against the packaged WAR on Payara Micro, with the
 * hand-checked fixture of invoice-ejb ({@code march-2026.sql}): Acme wholesale (account 10, Europe/Berlin)
 * owes 10.57 EUR for March 2026 over 7 calls.
 */
class InvoiceScreensIT {

    private static PostgresDatabase database;
    private static PayaraMicro server;

    private Browser browser;

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
        browser = Browser.start(profile, server.baseUri());
    }

    private static String figure(WebElement container, String name) {
        return container.findElement(By.cssSelector("[data-figure='" + name + "']")).getText();
    }

    private static long storedInvoices() throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM invoice")) {
            count.next();
            return count.getLong(1);
        }
    }

}
