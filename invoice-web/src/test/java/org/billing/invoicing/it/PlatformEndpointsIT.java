package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.billing.invoicing.api.InvoicingApi;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operations endpoints Payara Micro serves at the server root, beside the application: the
 * OpenAPI document, the readiness checks and the application metrics.
 */
@ExtendWith(DeployedModule.class)
class PlatformEndpointsIT {

    private static final String API_PACKAGE = InvoicingApi.class.getPackageName();
    private static final Pattern CREATED =
            Pattern.compile("^invoicing_invoices_created_total(?:\\{[^}]*})?\\s+(\\S+)", Pattern.MULTILINE);

    private final Http http = DeployedModule.deployment().http();

    @Test
    void theOpenApiDocumentListsEveryPathTheResourcesServe() throws Exception {
        Http.Response response = http.get("/openapi");
        assertEquals(200, response.status(), response.text());
        JsonObject document = response.jsonObject();

        Set<String> documented = document.getJsonObject("paths").keySet().stream()
                .map(PlatformEndpointsIT::withoutContextRoot)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> served = servedPaths();
        assertTrue(served.size() > 30, "found the resources: " + served);
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "paths served but not documented; documented: " + documented);

        assertEquals("Invoicing", document.getJsonObject("info").getString("title"));
        JsonObject problem =
                document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem");
        assertTrue(
                problem.getJsonObject("properties")
                        .getJsonObject("code")
                        .getJsonArray("enum")
                        .contains(Json.createValue("PERIOD_OVERLAP")),
                problem.toString());
        JsonObject create = document.getJsonObject("paths").entrySet().stream()
                .filter(path -> withoutContextRoot(path.getKey()).equals("/api/v1/invoices"))
                .findFirst()
                .orElseThrow()
                .getValue()
                .asJsonObject()
                .getJsonObject("post");
        assertTrue(create.getJsonObject("responses").containsKey("409"), create.toString());
        assertTrue(create.getJsonObject("requestBody").toString().contains("InvoiceRequest"), create.toString());
        assertTrue(
                create.getJsonObject("responses").containsKey("401")
                        && create.getJsonObject("responses").containsKey("403"),
                create.toString());
        assertEquals(
                "basic",
                document.getJsonObject("components")
                        .getJsonObject("securitySchemes")
                        .getJsonObject("basic")
                        .getString("scheme"));
        assertTrue(
                document.getJsonArray("security").toString().contains("basic"),
                document.getJsonArray("security").toString());
    }

    @Test
    void readyWhenTheDatabaseAnswers() {
        Http.Response response = http.get("/health/ready");
        assertEquals(200, response.status(), response.text());
        JsonObject health = response.jsonObject();
        assertEquals("UP", health.getString("status"), health.toString());
        JsonObject database = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("database"))
                .findFirst()
                .orElseThrow();
        assertEquals("UP", database.getString("status"), health.toString());
        assertTrue(
                health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                        .anyMatch(check -> check.getString("name").equals("office")),
                health.toString());
        assertEquals(200, http.get("/health/live").status());
    }

    /** Anyone may ask: the answer says UP or DOWN and a short reason, nothing of the installation. */
    @Test
    void readinessTellsNothingOfTheInstallation() {
        Http.Response response = new Http(DeployedModule.deployment().server().baseUri()).get("/health/ready");

        assertEquals(200, response.status(), response.text());
        JsonObject office = response.jsonObject().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("office"))
                .findFirst()
                .orElseThrow();
        assertEquals("UP", office.getString("status"), response.text());
        assertEquals(Set.of("pdf"), office.getJsonObject("data").keySet(), response.text());
        assertFalse(response.text().contains("libreoffice"), response.text());
        assertFalse(response.text().contains("jdbc"), response.text());
    }

    /**
     * A row another session keeps locked (a DBA's open transaction, a stuck job) fails the request after
     * the lock timeout with a clear answer, instead of holding the request and a pooled connection for ever.
     */
    @Test
    void aRowLockedByAnotherSessionAnswersDatabaseBusyInsteadOfHanging() throws Exception {
        PostgresDatabase database = DeployedModule.deployment().database();
        Fixtures.removeInvoices(database);
        Http.Response created = http.post(
                "api/v1/invoices",
                Json.createObjectBuilder()
                        .add("accountId", 10)
                        .add("direction", "CUSTOMER")
                        .add("startDate", "2026-03-01")
                        .add("endDate", "2026-03-31")
                        .build());
        assertEquals(201, created.status(), created.text());
        long id = created.jsonObject().getJsonNumber("id").longValue();
        try {
            try (Connection other = database.connection()) {
                other.setAutoCommit(false);
                try (Statement lock = other.createStatement()) {
                    lock.execute("SELECT id FROM invoice WHERE id = " + id + " FOR UPDATE");
                }
                long started = System.nanoTime();

                Http.Response refused = http.post("api/v1/invoices/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT);

                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                InvoiceApiIT.assertProblem(refused, 503, "DATABASE_BUSY", null);
                // It answered at all (the client gives up after 30 s), and only once the lock timeout ran out.
                assertTrue(
                        waited.compareTo(Duration.ofSeconds(15)) >= 0,
                        "waited " + waited + " (the lock timeout is 15 s)");
                other.rollback();
            }
            // Nothing was half-done: once the lock is gone the same approval goes through.
            Http.Response approved = http.post("api/v1/invoices/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT);
            assertEquals(200, approved.status(), approved.text());
        } finally {
            Fixtures.removeInvoices(database);
        }
    }

    @Test
    void creatingAnInvoiceCountsIt() throws Exception {
        Fixtures.removeInvoices(DeployedModule.deployment().database());
        double before = invoicesCreated();

        Http.Response created = http.post(
                "api/v1/invoices",
                Json.createObjectBuilder()
                        .add("accountId", 10)
                        .add("direction", "CUSTOMER")
                        .add("startDate", "2026-03-01")
                        .add("endDate", "2026-03-31")
                        .build());
        assertEquals(201, created.status(), created.text());
        try {
            assertEquals(before + 1, invoicesCreated(), 0.0);
        } finally {
            assertEquals(
                    204,
                    http.delete("api/v1/invoices/" + created.jsonObject().getJsonNumber("id"))
                            .status());
        }
    }

    /** The paths of the resources, from their {@code @Path} annotations: {@code /api/v1/invoices/{id}}. */
    private static Set<String> servedPaths() throws IOException, URISyntaxException {
        String root = InvoicingApi.class.getAnnotation(ApplicationPath.class).value();
        URI directory = InvoicingApi.class
                .getResource(InvoicingApi.class.getSimpleName() + ".class")
                .toURI()
                .resolve(".");
        Set<String> paths = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.list(java.nio.file.Path.of(directory))) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = load(API_PACKAGE + "." + name.substring(0, name.length() - ".class".length()));
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    Path methodPath = method.getAnnotation(Path.class);
                    if (methodPath != null || isResourceMethod(method)) {
                        paths.add(normalize(root, classPath.value(), methodPath == null ? "" : methodPath.value()));
                    }
                }
            }
        }
        return paths;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PlatformEndpointsIT.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isResourceMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    /** Joins the segments, drops a template's regular expression ({@code {id: \d+}}) and trailing slashes. */
    private static String normalize(String... segments) {
        String joined = ("/" + String.join("/", segments))
                .replaceAll("/+", "/")
                .replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /**
     * Payara Micro 6 lists the paths without the context root, which it puts in the server URL
     * ({@code http://host:port/invoicing}); a context root in the paths would do as well.
     */
    private static String withoutContextRoot(String path) {
        return normalize(path.startsWith("/invoicing/") ? path.substring("/invoicing".length()) : path);
    }

    /** The counter from /metrics (OpenMetrics text); absent counts as 0. */
    private double invoicesCreated() throws IOException, InterruptedException {
        URI uri = DeployedModule.deployment().server().baseUri().resolve("/metrics?scope=application");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .header("Accept", "text/plain")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Matcher matcher = CREATED.matcher(response.body());
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }
}
