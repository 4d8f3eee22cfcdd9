package org.billing.invoicing.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged EAR on a real Payara Server (full profile), as the platform deploys it: a fresh domain,
 * the database given to the application through server system properties, {@code asadmin deploy},
 * a REST call and a page, then {@code asadmin undeploy}. The README's "Deploying into the platform"
 * repeats these steps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarOnPayaraServerIT {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD = "platform-secret";
    private static final int LEASE_SECONDS = 5;
    private static final String RUNS = "invoicing/api/v1/generation-runs";

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
        // Before the database is configured the deployment fails and says what to set: the module never
        // quietly starts an embedded database with demo data on the platform's server.
        assertThrows(IllegalStateException.class, () -> server.admin("deploy", ear.toString()));
        assertTrue(server.serverLogText().contains("No database configured: set INVOICING_DB_URL (invoicing.db.url)"),
                server::logTail);
        assertEquals(404, get("invoicing/api/v1/accounts").statusCode(), "a failed deployment answers");
        // asadmin separates properties with ':', so the colons of the JDBC URL are escaped.
        server.admin("create-system-properties", String.join(":",
                "invoicing.db.url=" + database.jdbcUrl().replace(":", "\\:"),
                "invoicing.db.user=" + database.environment().get("INVOICING_DB_USER"),
                "invoicing.db.password=" + database.environment().get("INVOICING_DB_PASSWORD"),
                // Automatic invoicing only on demand, and a short lease so that a dead run is soon taken over.
                "invoicing.auto.enabled=false", "invoicing.auto.lease-seconds=" + LEASE_SECONDS,
                "invoicing.auto.chunk=20"));
        // The platform's users live in the server's file realm, their groups named as the module's roles.
        fileUser("olga", "invoice-operator");
        fileUser("victor", "invoice-viewer");
        fileUser("adam", "invoice-admin");
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
            JsonArray accounts = reader.readObject().getJsonArray("items");
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

    /**
     * The domain is killed with SIGKILL in the middle of a run of automatic invoicing and started again:
     * the run it left STARTED (its batch job execution too is still STARTED in the server's batch
     * repository) does not block Run now once its lease has run out; it is marked ABANDONED and a new run
     * invoices what is left, each period once. Last, as it restarts the domain.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aRunLeftStartedByAKilledDomainDoesNotBlockTheNextRun() throws Exception {
        // About 600 due periods: the fixture's three accounts, both directions, DAILY over the last 100 days.
        try (Connection connection = database.connection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO account_auto_invoicing (account_id, direction, invoice_period, generate_from, updated_at)"
                        + " SELECT a.id, d.direction, 'DAILY', ?, now() FROM account a"
                        + " CROSS JOIN (VALUES ('CUSTOMER'), ('VENDOR')) d (direction)")) {
            insert.setObject(1, LocalDate.now(ZoneOffset.UTC).minusDays(100));
            insert.executeUpdate();
        }
        String admin = basic("adam", PASSWORD);
        HttpResponse<String> started = send("POST", RUNS, admin);
        assertEquals(202, started.statusCode(), () -> started.body() + "\n" + server.logTail());
        JsonObject run = json(started.body());
        long crashed = run.getJsonNumber("id").longValue();
        int due = run.getInt("due");
        assertTrue(due > 400, started::body);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (run.getInt("created") < due / 5) {
            assertEquals("STARTED", run.getString("status"), "the run ended before it could be interrupted");
            assertTrue(Instant.now().isBefore(deadline), "the run did not progress: " + run);
            Thread.sleep(100);
            run = json(send("GET", RUNS + "/" + crashed, admin).body());
        }
        long pid = server.kill();
        long created = count("SELECT count(*) FROM generation_item WHERE run_id = " + crashed + " AND status = 'CREATED'");
        System.out.println("Killed the domain's server (pid " + pid + ") in run " + crashed + " with " + created
                + " of " + due + " periods invoiced");
        assertTrue(created > 0 && created < due, () -> created + " of " + due);
        assertEquals(1, count("SELECT count(*) FROM generation_run WHERE id = " + crashed + " AND status = 'STARTED'"));

        server.restart();
        awaitDeployed();
        // The server's batch repository still says the killed execution is going: the run must not rely on it.
        String executions = server.adminOutput("list-batch-job-executions");
        System.out.println("Batch job executions after the restart:\n" + executions);
        assertTrue(executions.lines().anyMatch(line -> line.contains("auto-invoices") && line.contains("STARTED")),
                "no execution of auto-invoices left STARTED by the killed server:\n" + executions);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), heartbeat(crashed).plusSeconds(LEASE_SECONDS + 1))
                .toMillis()));

        HttpResponse<String> next = send("POST", RUNS, admin);
        assertEquals(202, next.statusCode(), () -> next.body() + "\n" + server.logTail());
        long nextId = json(next.body()).getJsonNumber("id").longValue();
        assertTrue(nextId != crashed, () -> "the killed run still blocks Run now: " + next.body());
        assertEquals("ABANDONED", json(send("GET", RUNS + "/" + crashed, admin).body()).getString("status"));
        JsonObject done = json(send("GET", RUNS + "/" + nextId, admin).body());
        deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (done.getString("status").equals("STARTED") && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            done = json(send("GET", RUNS + "/" + nextId, admin).body());
        }
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(0, done.getInt("failed") + done.getInt("skipped"), done.toString());
        // The rest of the killed run's periods (and any that fell due since), each once; every invoice with
        // its claim and recorded by its item.
        assertTrue(done.getInt("created") >= due - created, done.toString());
        long invoices = created + done.getInt("created");
        assertEquals(invoices, count("SELECT count(*) FROM invoice"));
        assertEquals(invoices, count("SELECT count(DISTINCT (account_id, direction, first_day, last_day)) FROM invoice"));
        assertEquals(0, count("SELECT count(*) FROM invoice i WHERE NOT EXISTS (SELECT 1 FROM invoice_period_claim c"
                + " WHERE c.invoice_id = i.id) OR NOT EXISTS (SELECT 1 FROM generation_item g"
                + " WHERE g.invoice_id = i.id AND g.status = 'CREATED')"));
    }

    private void awaitDeployed() throws Exception {
        // As long as a deployment may take: the applications load after start-domain has returned.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            try {
                if (send("GET", "invoicing/api/v1/accounts", basic("olga", PASSWORD)).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertTrue(Instant.now().isBefore(deadline), () -> "not deployed after the restart\n" + server.logTail());
            Thread.sleep(500);
        }
    }

    private Instant heartbeat(long runId) throws Exception {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT heartbeat_at FROM generation_run WHERE id = " + runId)) {
            row.next();
            return row.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
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
