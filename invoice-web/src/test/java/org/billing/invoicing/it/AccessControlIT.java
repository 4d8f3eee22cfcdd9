package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.assertProblem;
import static org.billing.invoicing.it.InvoiceApiIT.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.billing.invoicing.document.DocumentFixtures;
import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call what on the REST API of the deployed WAR: every endpoint the OpenAPI document lists
 * answers 401 without credentials or with wrong ones, and 403 to a role too low; a viewer reads
 * everything; requests from another site are refused; the answers carry the security headers and
 * never a stack trace or a class name.
 */
@ExtendWith(DeployedModule.class)
class AccessControlIT {

    private static final String VIEWER = "viewer";
    private static final String OPERATOR = "operator";
    private static final String ADMIN = "admin";

    /**
     * The role each endpoint needs, written down by hand from the issue: viewers read, operators
     * calculate, create, approve, credit, delete and send, administrators manage templates, numbering,
     * settings and generation runs.
     */
    private static final Map<String, String> REQUIRED = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/v1/accounts", VIEWER),
            Map.entry("GET /api/v1/accounts/{id}", VIEWER),
            Map.entry("GET /api/v1/accounts/{id}/invoice-settings/{direction}", VIEWER),
            Map.entry("PUT /api/v1/accounts/{id}/invoice-settings/{direction}", ADMIN),
            Map.entry("GET /api/v1/accounts/{id}/auto-invoicing/{direction}", VIEWER),
            Map.entry("PUT /api/v1/accounts/{id}/auto-invoicing/{direction}", ADMIN),
            Map.entry("DELETE /api/v1/accounts/{id}/auto-invoicing/{direction}", ADMIN),
            Map.entry("GET /api/v1/accounts/{id}/invoice-templates", VIEWER),
            Map.entry("PUT /api/v1/accounts/{id}/invoice-templates/{direction}", ADMIN),
            Map.entry("GET /api/v1/contractors", VIEWER),
            Map.entry("GET /api/v1/contractors/{id}", VIEWER),
            Map.entry("GET /api/v1/generation-runs", VIEWER),
            Map.entry("POST /api/v1/generation-runs", ADMIN),
            Map.entry("GET /api/v1/generation-runs/{id}", VIEWER),
            Map.entry("GET /api/v1/invoices", VIEWER),
            Map.entry("POST /api/v1/invoices", OPERATOR),
            Map.entry("POST /api/v1/invoices/calculate", OPERATOR),
            Map.entry("GET /api/v1/invoices/{id}", VIEWER),
            Map.entry("DELETE /api/v1/invoices/{id}", OPERATOR),
            Map.entry("POST /api/v1/invoices/approvals", OPERATOR),
            Map.entry("GET /api/v1/dashboard", VIEWER),
            Map.entry("POST /api/v1/invoices/{id}/approve", OPERATOR),
            Map.entry("POST /api/v1/invoices/{id}/credit-note", OPERATOR),
            Map.entry("GET /api/v1/invoices/{id}/history", VIEWER),
            Map.entry("GET /api/v1/invoices/{id}/drift", VIEWER),
            Map.entry("POST /api/v1/invoices/{id}/drift-check", OPERATOR),
            Map.entry("POST /api/v1/invoices/{id}/supplementary", OPERATOR),
            Map.entry("POST /api/v1/invoices/{id}/correction", OPERATOR),
            Map.entry("GET /api/v1/invoices/{id}/tables/{name}", VIEWER),
            Map.entry("GET /api/v1/invoices/{id}/calls.csv", VIEWER),
            Map.entry("GET /api/v1/invoices/{id}/calls.csv.gz", VIEWER),
            Map.entry("GET /api/v1/invoices/{id}/deliveries", VIEWER),
            Map.entry("POST /api/v1/invoices/{id}/resend", OPERATOR),
            Map.entry("GET /api/v1/invoices/{id}/document", VIEWER),
            Map.entry("POST /api/v1/invoices/{id}/document", OPERATOR),
            Map.entry("GET /api/v1/invoices/{id}/document.pdf", VIEWER),
            Map.entry("GET /api/v1/invoices/{id}/einvoice.xml", VIEWER),
            Map.entry("GET /api/v1/invoices/{id}/facturx.pdf", VIEWER),
            Map.entry("GET /api/v1/invoices/{id}/document.odt", VIEWER),
            Map.entry("GET /api/v1/numbering-series", VIEWER),
            Map.entry("POST /api/v1/numbering-series", ADMIN),
            Map.entry("GET /api/v1/numbering-series/{id}", VIEWER),
            Map.entry("PUT /api/v1/numbering-series/{id}", ADMIN),
            Map.entry("DELETE /api/v1/numbering-series/{id}", ADMIN),
            Map.entry("GET /api/v1/numbering-series/{id}/next-number", VIEWER),
            Map.entry("GET /api/v1/seller-profiles", VIEWER),
            Map.entry("POST /api/v1/seller-profiles", ADMIN),
            Map.entry("GET /api/v1/seller-profiles/{id}", VIEWER),
            Map.entry("PUT /api/v1/seller-profiles/{id}", ADMIN),
            Map.entry("DELETE /api/v1/seller-profiles/{id}", ADMIN),
            Map.entry("GET /api/v1/accounts/{id}/seller-profile", VIEWER),
            Map.entry("PUT /api/v1/accounts/{id}/seller-profile", ADMIN),
            Map.entry("GET /api/v1/contractors/{id}/tax-profile", VIEWER),
            Map.entry("PUT /api/v1/contractors/{id}/tax-profile", ADMIN),
            Map.entry("GET /api/v1/settings/numbering", VIEWER),
            Map.entry("PUT /api/v1/settings/numbering", ADMIN),
            Map.entry("GET /api/v1/invoice-templates", VIEWER),
            Map.entry("POST /api/v1/invoice-templates", ADMIN),
            Map.entry("POST /api/v1/invoice-templates/lint", ADMIN),
            Map.entry("GET /api/v1/invoice-templates/default", VIEWER),
            Map.entry("PUT /api/v1/invoice-templates/default", ADMIN),
            Map.entry("GET /api/v1/invoice-templates/{id}", VIEWER),
            Map.entry("DELETE /api/v1/invoice-templates/{id}", ADMIN),
            Map.entry("GET /api/v1/invoice-templates/{id}/source", VIEWER),
            Map.entry("GET /api/v1/invoice-templates/{id}/preview.pdf", VIEWER)));

    /** The users whose role is too low for an endpoint needing the key. */
    private static final Map<String, List<Users>> TOO_LOW = Map.of(
            VIEWER, List.of(),
            OPERATOR, List.of(Users.VIEWER),
            ADMIN, List.of(Users.VIEWER, Users.OPERATOR));

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http admin = DeployedModule.deployment().http();
    private final Http anonymous = new Http(DeployedModule.deployment().server().baseUri());

    @BeforeEach
    void noInvoices() throws Exception {
        Fixtures.removeInvoices(database);
    }

    @Test
    void everyEndpointRefusesCallersWithoutCredentialsAndRolesTooLow() {
        Map<String, String> documented = operations();
        assertEquals(
                REQUIRED.keySet(),
                documented.keySet(),
                "every operation the OpenAPI document lists has its role written down here");

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> endpoint : REQUIRED.entrySet()) {
            String method = endpoint.getKey().split(" ")[0];
            String path = concrete(endpoint.getKey().split(" ")[1]);
            expect(
                    failures,
                    endpoint.getKey() + " without credentials",
                    anonymous.send(method, path, Map.of()),
                    401,
                    "AUTHENTICATION_REQUIRED");
            expect(
                    failures,
                    endpoint.getKey() + " with a wrong password",
                    anonymous.as(Users.OPERATOR.username(), "not-the-password").send(method, path, Map.of()),
                    401,
                    "AUTHENTICATION_REQUIRED");
            for (Users tooLow : TOO_LOW.get(endpoint.getValue())) {
                expect(
                        failures,
                        endpoint.getKey() + " as " + tooLow,
                        anonymous.as(tooLow).send(method, path, Map.of()),
                        403,
                        "ACCESS_DENIED");
            }
            if (method.equals("GET")) {
                Http.Response read = anonymous.as(Users.VIEWER).send(method, path, Map.of());
                if (read.status() == 401 || read.status() == 403) {
                    failures.add(endpoint.getKey() + " as a viewer: " + read.status() + " " + read.text());
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theChallengeAsksForBasicAuthentication() {
        Http.Response response = anonymous.get("api/v1/invoices");
        assertProblem(response, 401, "AUTHENTICATION_REQUIRED", null);
        assertEquals(
                "Basic realm=\"invoicing\", charset=\"UTF-8\"",
                response.header("WWW-Authenticate").orElseThrow());
        assertEquals(
                "The user name or password is wrong.",
                anonymous
                        .as("nobody", "guess")
                        .get("api/v1/invoices")
                        .jsonObject()
                        .getString("detail"));
        assertEquals(
                401,
                anonymous
                        .send("GET", "api/v1/invoices", Map.of("Authorization", "Basic %%%"))
                        .status());
    }

    @Test
    void aViewerCannotApproveAndAnOperatorCan() {
        Http.Response created = anonymous
                .as(Users.OPERATOR)
                .post("api/v1/invoices", request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        assertEquals(201, created.status(), created.text());
        long id = created.jsonObject().getJsonNumber("id").longValue();

        assertProblem(
                anonymous.as(Users.VIEWER).post("api/v1/invoices/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT),
                403,
                "ACCESS_DENIED",
                null);
        JsonObject unchanged =
                anonymous.as(Users.VIEWER).get("api/v1/invoices/" + id).jsonObject();
        assertEquals("PENDING", unchanged.getString("state"));
        assertTrue(unchanged.isNull("number"), unchanged.toString());

        Http.Response approved =
                anonymous.as(Users.OPERATOR).post("api/v1/invoices/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, approved.status(), approved.text());
        assertEquals("APPROVED", approved.jsonObject().getString("state"));
    }

    @Test
    void anOperatorCannotUploadTemplatesNorChangeNumbering() throws Exception {
        int templates = admin.get("api/v1/invoice-templates").jsonArray().size();

        Http.Response upload = anonymous
                .as(Users.OPERATOR)
                .upload(
                        "api/v1/invoice-templates?name=Sneaky&filename=sneaky.odt",
                        DocumentFixtures.demoTemplate(),
                        "application/vnd.oasis.opendocument.text");
        assertProblem(upload, 403, "ACCESS_DENIED", null);
        assertEquals(
                templates, admin.get("api/v1/invoice-templates").jsonArray().size());

        Http.Response series = anonymous
                .as(Users.OPERATOR)
                .post(
                        "api/v1/numbering-series",
                        Json.createObjectBuilder()
                                .add("name", "Sneaky")
                                .add("pattern", "S-%num%")
                                .build());
        assertProblem(series, 403, "ACCESS_DENIED", null);
        assertFalse(admin.get("api/v1/numbering-series").text().contains("Sneaky"));
    }

    @Test
    void aStateChangingRequestFromAnotherSiteIsRefused() {
        Map<String, String> fromElsewhere = Map.of("Origin", "https://attacker.example");
        Http.Response created = anonymous
                .as(Users.OPERATOR)
                .post("api/v1/invoices", request(10, "CUSTOMER", "2026-03-01", "2026-03-31"));
        long id = created.jsonObject().getJsonNumber("id").longValue();
        Http.Response crossSite =
                anonymous.as(Users.OPERATOR).send("POST", "api/v1/invoices/" + id + "/approve", fromElsewhere);
        assertProblem(crossSite, 403, "CROSS_SITE_REQUEST", null);
        Http.Response fetchMetadata = anonymous
                .as(Users.OPERATOR)
                .send("DELETE", "api/v1/invoices/" + id, Map.of("Sec-Fetch-Site", "cross-site"));
        assertProblem(fetchMetadata, 403, "CROSS_SITE_REQUEST", null);
        assertEquals("PENDING", admin.get("api/v1/invoices/" + id).jsonObject().getString("state"));

        // The module's own pages post from the same origin; reading from anywhere is harmless.
        String self = DeployedModule.deployment()
                .server()
                .baseUri()
                .resolve("/")
                .toString()
                .replaceAll("/$", "");
        assertEquals(
                200,
                anonymous
                        .as(Users.OPERATOR)
                        .send("POST", "api/v1/invoices/" + id + "/approve", Map.of("Origin", self))
                        .status());
        assertEquals(
                200,
                anonymous
                        .as(Users.VIEWER)
                        .send("GET", "api/v1/invoices/" + id, fromElsewhere)
                        .status());
    }

    @Test
    void theScreensSendAnonymousVisitorsToTheLoginPage() {
        Http.Response page = anonymous.get("invoice.xhtml?id=5");
        assertEquals(302, page.status(), page.text());
        assertTrue(
                page.header("Location").orElse("").endsWith("/invoicing/login.xhtml?next=%2Finvoice.xhtml%3Fid%3D5"),
                page.headers().toString());

        // An Ajax post of a page whose session has expired: Faces follows a redirect in its own format.
        Http.Response ajax = anonymous.send("POST", "invoices.xhtml", Map.of("Faces-Request", "partial/ajax"));
        assertEquals(200, ajax.status(), ajax.text());
        assertTrue(ajax.text().contains("<redirect url=\"/invoicing/login.xhtml\"/>"), ajax.text());
    }

    @Test
    void answersCarryTheSecurityHeaders() {
        for (Http.Response response : List.of(
                anonymous.as(Users.VIEWER).get("api/v1/accounts"),
                anonymous.get("api/v1/accounts"),
                anonymous.get("login.xhtml"))) {
            assertEquals("nosniff", response.header("X-Content-Type-Options").orElse(null));
            assertEquals("DENY", response.header("X-Frame-Options").orElse(null));
            assertEquals("same-origin", response.header("Referrer-Policy").orElse(null));
            assertEquals("no-store", response.header("Cache-Control").orElse(null));
            String policy = response.header("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("default-src 'self'"), policy);
        }
        // The screens' session cookie: not readable by scripts, not sent with another site's posts.
        String cookie = anonymous.get("login.xhtml").header("Set-Cookie").orElse("");
        assertTrue(
                cookie.startsWith("JSESSIONID=")
                        && cookie.contains("HttpOnly")
                        && cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"),
                cookie);
    }

    /** With no trusted proxy configured, anybody's X-Forwarded-Proto is ignored (LoginThrottlingIT has one). */
    @Test
    void theForwardedSchemeOfAnUntrustedAddressIsIgnored() {
        FormLogin.Result result = FormLogin.logIn(
                DeployedModule.deployment().server().baseUri(), Users.VIEWER, Map.of("X-Forwarded-Proto", "https"));
        assertFalse(
                LoginThrottlingIT.sessionCookie(result.pageCookies()).contains("Secure"),
                result.pageCookies().toString());
        assertEquals(302, result.login().statusCode(), result.login().body());
        assertFalse(
                LoginThrottlingIT.sessionCookie(result.loginCookies()).contains("Secure"),
                result.loginCookies().toString());
        assertTrue(
                result.location().contains("/invoicing/index.xhtml")
                        && !result.location().startsWith("https:"),
                result.location());
        assertFalse(
                result.page().headers().firstValue("Strict-Transport-Security").isPresent());
    }

    @Test
    void noAnswerNamesAClassOrShowsAStackTrace() {
        Http operator = anonymous.as(Users.OPERATOR);
        List<Http.Response> answers = List.of(
                operator.postText("api/v1/invoices", "{not json"),
                operator.postText("api/v1/invoices/calculate", "[1, 2]"),
                operator.get("api/v1/invoices/not-a-number"),
                operator.get("api/v1/invoices?page=-1&size=100000"),
                operator.send("PATCH", "api/v1/invoices/1", Map.of()),
                operator.get("api/v1/application.wadl"),
                operator.get("api/v1/no-such-thing"),
                anonymous.send("GET", "api/v1/invoices", Map.of("Authorization", "Basic bm90LWEtcGFpcg==")),
                anonymous.get("no-such-page.xhtml"));
        Set<String> leaks = new TreeSet<>();
        for (Http.Response answer : answers) {
            for (String clue : List.of(
                    "Exception",
                    "org.billing",
                    "java.",
                    "jakarta.ws",
                    "jakarta.ejb",
                    "at org.",
                    "SQL",
                    "eclipse",
                    "glassfish",
                    ".java:")) {
                if (answer.text().contains(clue)) {
                    leaks.add(answer.status() + " names " + clue + ": " + answer.text());
                }
            }
            assertNotEquals(500, answer.status(), answer.text());
        }
        assertEquals(Set.of(), leaks);
    }

    /** "METHOD /path" of every operation in the OpenAPI document. */
    private Map<String, String> operations() {
        JsonObject paths = admin.get("/openapi").jsonObject().getJsonObject("paths");
        Map<String, String> operations = new TreeMap<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(key -> Set.of("get", "put", "post", "delete", "patch").contains(key))
                .forEach(method -> operations.put(
                        method.toUpperCase(java.util.Locale.ROOT) + " " + path.replaceFirst("^/invoicing/", "/"),
                        path)));
        return operations;
    }

    /** A path with its parameters filled: ids that name nothing, so that an allowed call changes nothing. */
    private static String concrete(String template) {
        return template.substring(1)
                .replace("{id}", "987654321")
                .replace("{direction}", "CUSTOMER")
                .replace("{name}", "ORIG_BY_DESTINATION");
    }

    private static void expect(List<String> failures, String what, Http.Response response, int status, String code) {
        boolean problem = response.header("Content-Type").orElse("").startsWith("application/problem+json");
        if (response.status() != status || !problem || !response.text().contains("\"" + code + "\"")) {
            failures.add(
                    what + ": expected " + status + " " + code + ", got " + response.status() + " " + response.text());
        }
    }
}
