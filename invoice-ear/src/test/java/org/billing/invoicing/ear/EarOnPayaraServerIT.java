package org.billing.invoicing.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The packaged EAR on a real Payara Server (full profile), as the platform deploys it: a fresh domain,
 * the database given to the application through server system properties (the tables owned by a migration
 * user, the module running as another), {@code asadmin deploy},
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
    private static final String OWNER = "invoicing_owner";
    private static final String OWNER_PASSWORD = "owner-secret";
    private static final String RUNTIME = "invoicing_app";
    private static final String RUNTIME_PASSWORD = "app-secret";

    private PostgresDatabase database;
    private PayaraServer server;
    private boolean deployed;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    @BeforeAll
    void deploy() throws Exception {
        Path ear = requiredFile("invoicing.ear");
        database = PostgresDatabase.startEmpty();
        // The deployment the README recommends: the tables owned by a migration role, which applies the
        // migrations at deploy, and the module running as a user that may only read and write rows. The
        // default privileges give the runtime user the rows of every table the owner makes, now and later.
        execute(
                database.dataSource(),
                "CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'",
                "CREATE ROLE " + RUNTIME + " LOGIN PASSWORD '" + RUNTIME_PASSWORD + "'",
                "CREATE SCHEMA invoicing AUTHORIZATION " + OWNER,
                "CREATE EXTENSION btree_gist",
                "CREATE EXTENSION pg_trgm",
                "ALTER ROLE " + OWNER + " SET search_path = invoicing, public",
                "ALTER ROLE " + RUNTIME + " SET search_path = invoicing, public",
                "ALTER ROLE postgres SET search_path = invoicing, public",
                "GRANT USAGE ON SCHEMA invoicing TO " + RUNTIME,
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA invoicing"
                        + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + RUNTIME,
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA invoicing"
                        + " GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO " + RUNTIME);
        server = PayaraServer.start(ear.getParent());
        // Before the database is configured the deployment fails and says what to set: the module never
        // quietly starts an embedded database with demo data on the platform's server.
        assertThrows(IllegalStateException.class, () -> server.admin("deploy", ear.toString()));
        assertTrue(
                server.serverLogText().contains("No database configured: set INVOICING_DB_URL (invoicing.db.url)"),
                server::logTail);
        assertEquals(404, get("invoicing/api/v1/accounts").statusCode(), "a failed deployment answers");
        // asadmin separates properties with ':', so the colons of the JDBC URL are escaped.
        server.admin(
                "create-system-properties",
                String.join(
                        ":",
                        "invoicing.db.url=" + database.jdbcUrl().replace(":", "\\:"),
                        "invoicing.db.user=" + RUNTIME,
                        "invoicing.db.password=" + RUNTIME_PASSWORD,
                        "invoicing.db.migration-user=" + OWNER,
                        "invoicing.db.migration-password=" + OWNER_PASSWORD,
                        // Automatic invoicing only on demand, and a short lease so that a dead run is soon taken over.
                        "invoicing.auto.enabled=false",
                        "invoicing.auto.lease-seconds=" + LEASE_SECONDS,
                        "invoicing.auto.chunk=20"));
        // The platform's users live in the server's file realm, their groups named as the module's roles.
        fileUser("olga", "invoice-operator");
        fileUser("victor", "invoice-viewer");
        fileUser("adam", "invoice-admin");
        server.admin("deploy", ear.toString());
        deployed = true;
        // The platform's data, in the tables the deployment's migrations made (the platform writes them as itself).
        database.run("/fixtures/march-2026.sql");
    }

    private static void execute(javax.sql.DataSource as, String... statements) throws java.sql.SQLException {
        try (Connection connection = as.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
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
                assertEquals(
                        404,
                        get("invoicing/api/v1/accounts").statusCode(),
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
        assertEquals(
                401,
                send("GET", "invoicing/api/v1/accounts", basic("olga", "wrong")).statusCode());
        HttpResponse<String> response = send("GET", "invoicing/api/v1/accounts", basic("olga", PASSWORD));

        assertEquals(200, response.statusCode(), () -> response.body() + "\n" + server.logTail());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> response.headers().toString());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonArray accounts = reader.readObject().getJsonArray("items");
            assertEquals(
                    List.of("Acme retail", "Acme wholesale", "Carrier B termination"),
                    accounts.getValuesAs(JsonObject.class).stream()
                            .map(a -> a.getString("name"))
                            .sorted()
                            .toList());
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
        assertTrue(
                screen.headers().firstValue("Location").orElse("").contains("/invoicing/login.xhtml"),
                screen.headers()::toString);

        HttpResponse<String> response = get("invoicing/login.xhtml");
        assertEquals(200, response.statusCode(), () -> response.body() + "\n" + server.logTail());
        assertTrue(response.body().contains("<title>Log in"), () -> response.body() + "\n" + server.logTail());
        // PrimeFaces is in the web module's WEB-INF/lib only: its resources must be served from there.
        assertTrue(response.body().contains("ln=primefaces"), response::body);
    }

    /**
     * Issue 11: the EAR deployed as the README recommends, the migrations applied by the owner of the tables
     * ({@code invoicing.db.migration-user}) and the module running as a user that does not own them. It
     * creates and approves invoices; its user can neither switch off, drop nor bypass the triggers that keep
     * issued invoices, nor empty a protected table.
     */
    @Test
    void theModuleRunsAsAUserThatDoesNotOwnTheTablesAndCannotSwitchOffTheirProtection() throws Exception {
        assertEquals(
                1,
                count("SELECT count(*) FROM pg_tables WHERE schemaname = 'invoicing' AND tablename = 'invoice'"
                        + " AND tableowner = '" + OWNER + "'"),
                "the owner made the tables");
        assertEquals(
                0,
                count("SELECT count(*) FROM pg_tables WHERE schemaname = 'invoicing' AND tableowner <> '" + OWNER
                        + "'"));
        assertEquals(0, count("SELECT count(*) FROM invoicing_schema_history WHERE installed_by <> '" + OWNER + "'"));
        assertTrue(count("SELECT count(*) FROM invoicing_schema_history WHERE success") >= 13);
        assertTrue(
                count("SELECT count(*) FROM pg_stat_activity WHERE usename = '" + RUNTIME + "'") > 0,
                "the application's pool connects as the runtime user");
        assertEquals(
                0,
                count("SELECT count(*) FROM pg_stat_activity WHERE usename = '" + OWNER + "'"),
                "the owner's connection is closed once the migrations are applied");

        String olga = basic("olga", PASSWORD);
        HttpResponse<String> created = send(
                "POST",
                "invoicing/api/v1/invoices",
                olga,
                "{\"accountId\": 10, \"direction\": \"CUSTOMER\", \"startDate\": \"2026-03-01\", \"endDate\": \"2026-03-31\"}");
        assertEquals(201, created.statusCode(), () -> created.body() + "\n" + server.logTail());
        long id = json(created.body()).getJsonNumber("id").longValue();
        HttpResponse<String> approved = send("POST", "invoicing/api/v1/invoices/" + id + "/approve", olga, "{}");
        assertEquals(200, approved.statusCode(), () -> approved.body() + "\n" + server.logTail());
        assertEquals("APPROVED", json(approved.body()).getString("state"));
        assertTrue(json(approved.body()).getString("number").length() > 0, approved::body);

        PGSimpleDataSource runtime = new PGSimpleDataSource();
        runtime.setUrl(database.jdbcUrl());
        runtime.setUser(RUNTIME);
        runtime.setPassword(RUNTIME_PASSWORD);
        for (String sql : List.of(
                "ALTER TABLE invoice DISABLE TRIGGER invoice_issued_never_changes",
                "ALTER TABLE invoice DISABLE TRIGGER ALL",
                "DROP TRIGGER invoice_issued_never_changes ON invoice",
                "SET session_replication_role = replica",
                "TRUNCATE invoice_event",
                "ALTER TABLE invoice DROP COLUMN number")) {
            java.sql.SQLException refused = assertThrows(java.sql.SQLException.class, () -> execute(runtime, sql), sql);
            assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
        }
        java.sql.SQLException changed = assertThrows(
                java.sql.SQLException.class, () -> execute(runtime, "UPDATE invoice SET amount = 0 WHERE id = " + id));
        assertEquals("23000", changed.getSQLState(), changed.getMessage());
        assertEquals(
                "APPROVED",
                json(send("GET", "invoicing/api/v1/invoices/" + id, olga).body())
                        .getString("state"));
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
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement(
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
        long created =
                count("SELECT count(*) FROM generation_item WHERE run_id = " + crashed + " AND status = 'CREATED'");
        System.out.println("Killed the domain's server (pid " + pid + ") in run " + crashed + " with " + created
                + " of " + due + " periods invoiced");
        assertTrue(created > 0 && created < due, () -> created + " of " + due);
        assertEquals(1, count("SELECT count(*) FROM generation_run WHERE id = " + crashed + " AND status = 'STARTED'"));

        server.restart();
        awaitDeployed();
        // The server's batch repository still says the killed execution is going: the run must not rely on it.
        String executions = server.adminOutput("list-batch-job-executions");
        System.out.println("Batch job executions after the restart:\n" + executions);
        assertTrue(
                executions.lines().anyMatch(line -> line.contains("auto-invoices") && line.contains("STARTED")),
                "no execution of auto-invoices left STARTED by the killed server:\n" + executions);
        Thread.sleep(Math.max(
                0,
                Duration.between(Instant.now(), heartbeat(crashed).plusSeconds(LEASE_SECONDS + 1))
                        .toMillis()));

        HttpResponse<String> next = send("POST", RUNS, admin);
        assertEquals(202, next.statusCode(), () -> next.body() + "\n" + server.logTail());
        long nextId = json(next.body()).getJsonNumber("id").longValue();
        assertTrue(nextId != crashed, () -> "the killed run still blocks Run now: " + next.body());
        assertEquals(
                "ABANDONED",
                json(send("GET", RUNS + "/" + crashed, admin).body()).getString("status"));
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
        // (The manual invoice of the runtime user's test is not the run's.)
        assertEquals(invoices, count("SELECT count(*) FROM invoice WHERE type <> 'MANUAL'"));
        assertEquals(
                invoices,
                count("SELECT count(DISTINCT (account_id, direction, first_day, last_day)) FROM invoice"
                        + " WHERE type <> 'MANUAL'"));
        assertEquals(
                0,
                count("SELECT count(*) FROM invoice i WHERE i.type <> 'MANUAL' AND (NOT EXISTS (SELECT 1"
                        + " FROM invoice_period_claim c WHERE c.invoice_id = i.id) OR NOT EXISTS (SELECT 1 FROM generation_item g"
                        + " WHERE g.invoice_id = i.id AND g.status = 'CREATED'))"));
    }

    private void awaitDeployed() throws Exception {
        // As long as a deployment may take: the applications load after start-domain has returned.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            try {
                if (send("GET", "invoicing/api/v1/accounts", basic("olga", PASSWORD))
                                .statusCode()
                        == 200) {
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
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT heartbeat_at FROM generation_run WHERE id = " + runId)) {
            row.next();
            return row.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
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
        return send(method, path, authorization, null);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.httpUri().resolve(path))
                .timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
