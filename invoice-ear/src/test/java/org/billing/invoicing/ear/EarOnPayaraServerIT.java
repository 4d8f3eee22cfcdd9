package org.billing.invoicing.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged EAR on a real Payara Server (full profile), as the platform deploys it: a fresh domain,
 * the database given to the application through server system properties, {@code asadmin deploy},
 * a REST call and a page, then {@code asadmin undeploy}. The README's "Deploying into the platform"
 * repeats these steps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EarOnPayaraServerIT {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD = "platform-secret";

    private PostgresDatabase database;
    private PayaraServer server;
    private boolean deployed;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    @BeforeAll
    void deploy() throws Exception {
        Path ear = requiredFile("invoicing.ear");
        database = PostgresDatabase.startMigrated();
        database.run("/fixtures/march-2026.sql");
        server = PayaraServer.start(ear.getParent());
        // asadmin separates properties with ':', so the colons of the JDBC URL are escaped.
        server.admin("create-system-properties", String.join(":",
                "invoicing.db.url=" + database.jdbcUrl().replace(":", "\\:"),
                "invoicing.db.user=" + database.environment().get("INVOICING_DB_USER"),
                "invoicing.db.password=" + database.environment().get("INVOICING_DB_PASSWORD")));
        // The platform's users live in the server's file realm, their groups named as the module's roles.
        fileUser("olga", "invoice-operator");
        fileUser("victor", "invoice-viewer");
        server.admin("deploy", ear.toString());
        deployed = true;
    }

    private void fileUser(String name, String group) throws IOException {
        Path passwordFile = Files.createTempFile("asadmin-user", ".txt");
        try {
            Files.writeString(passwordFile, "AS_ADMIN_USERPASSWORD=" + PASSWORD + "\n");
            server.admin("--passwordfile", passwordFile.toString(), "create-file-user", "--groups", group, name);
        } finally {
            Files.delete(passwordFile);
        }
    }

    @AfterAll
    void undeploy() throws Exception {
        try {
            if (deployed) {
                server.admin("undeploy", "invoicing");
                assertEquals(404, get("invoicing/api/v1/accounts").statusCode(),
                        "the application still answers after undeploy");
            }
        } finally {
            try {
                if (server != null) {
                    server.close();
                }
            } finally {
                if (database != null) {
                    database.close();
                }
            }
        }
    }

    @Test
    void listsThePlatformAccountsOverRestToAUserOfTheServersRealm() throws Exception {
        assertEquals(401, send("GET", "invoicing/api/v1/accounts", null).statusCode());
        assertEquals(401, send("GET", "invoicing/api/v1/accounts", basic("olga", "wrong")).statusCode());
        HttpResponse<String> response = send("GET", "invoicing/api/v1/accounts", basic("olga", PASSWORD));

        assertEquals(200, response.statusCode(), () -> response.body() + "\n" + server.logTail());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> response.headers().toString());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonArray accounts = reader.readArray();
            assertEquals(List.of("Acme retail", "Acme wholesale", "Carrier B termination"),
                    accounts.getValuesAs(JsonObject.class).stream().map(a -> a.getString("name")).sorted().toList());
        }
    }

    @Test
    void aViewerOfTheServersRealmReadsButDoesNotCalculate() throws Exception {
        HttpResponse<String> refused = send("POST", "invoicing/api/v1/invoices/calculate", basic("victor", PASSWORD));
        assertEquals(403, refused.statusCode(), refused::body);
        assertTrue(refused.body().contains("\"ACCESS_DENIED\""), refused::body);
        HttpResponse<String> allowed = send("POST", "invoicing/api/v1/invoices/calculate", basic("olga", PASSWORD));
        assertEquals(400, allowed.statusCode(), allowed::body); // past the role check, the empty body is refused
    }

    @Test
    void theScreensAskForTheLoginFirst() throws Exception {
        HttpResponse<String> screen = get("invoicing/invoices.xhtml");
        assertEquals(302, screen.statusCode(), () -> screen.body() + "\n" + server.logTail());
        assertTrue(screen.headers().firstValue("Location").orElse("").contains("/invoicing/login.xhtml"),
                screen.headers()::toString);

        HttpResponse<String> response = get("invoicing/login.xhtml");
        assertEquals(200, response.statusCode(), () -> response.body() + "\n" + server.logTail());
        assertTrue(response.body().contains("<title>Log in"), () -> response.body() + "\n" + server.logTail());
        // PrimeFaces is in the web module's WEB-INF/lib only: its resources must be served from there.
        assertTrue(response.body().contains("ln=primefaces"), response::body);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    private HttpResponse<String> send(String method, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.httpUri().resolve(path)).timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Path requiredFile(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("System property " + property + " must name an existing file (it is "
                    + value + "); run the integration tests with Maven: mvn verify");
        }
        return Path.of(value).toAbsolutePath();
    }
}
