package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11: no input makes the API answer 500. Random JSON bodies, query strings and path values are
 * thrown at every operation the OpenAPI document lists, as the administrator (who may call them all);
 * every answer must be 2xx or 4xx, and every 4xx an {@code application/problem+json} with its code.
 * The seed is printed with any failure; {@code -Dit.random.seed=N} replays it, {@code
 * -Dit.random.requests=N} sets the requests per operation.
 */
@ExtendWith(DeployedModule.class)
class RandomRequestsIT {

    private static final String API = "api/v1";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    /** Starting a run takes no input at all, and a run going would disturb the automatic invoicing tests. */
    private static final Set<String> LEFT_OUT = Set.of("POST /api/v1/generation-runs");

    /** The fields of every request body of the API, and some it does not know. */
    private static final List<String> FIELDS = List.of(
            "accountId",
            "direction",
            "startDate",
            "endDate",
            "seriesId",
            "recipients",
            "name",
            "pattern",
            "startNumber",
            "yearlyRestart",
            "padding",
            "reason",
            "templateId",
            "invoicePeriod",
            "generateFrom",
            "customerSeriesId",
            "vendorSeriesId",
            "creditNoteSeriesId",
            "id",
            "state",
            "",
            "__proto__",
            "a.b");

    private static final List<String> TEXTS = List.of(
            "",
            " ",
            "2026-03-01",
            "2026-03-31",
            "2026-02-30",
            "+999999999-12-31",
            "-999999999-01-01",
            "0000-01-01",
            "9999-12-31",
            "1970-01-01",
            "2026-3-1",
            "CUSTOMER",
            "vendor",
            "PENDING",
            "MONTHLY",
            "DAILY",
            "AUTO",
            "PREPAY",
            "%num%",
            "%year%-%num%",
            "%num%%num%",
            "%week%",
            "x@example.com",
            "not-an-address",
            "10",
            "-1",
            "0",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999999999",
            "1e400",
            "1.5",
            "NaN",
            "null",
            "true",
            "'; DROP TABLE invoice; --",
            "\u0000",
            "\uD83D\uDE00",
            "ñ".repeat(300),
            "a".repeat(5000),
            "5000000",
            "500",
            "2147483647",
            "2147483648",
            "-2147483648",
            "eyJ9",
            "AAAA",
            "%",
            "%25",
            "../..");

    /** Path values for reading operations: existing accounts, contractors and series among them. */
    private static final List<String> READ_IDS = List.of(
            "1",
            "2",
            "3",
            "10",
            "20",
            "30",
            "0",
            "-1",
            "987654321",
            "9223372036854775807",
            "9223372036854775808",
            "99999999999999999999",
            "abc",
            "1e3",
            "1.0",
            "%20");
    /** Path values for changing operations: nothing they name exists, so that no other test's data changes. */
    private static final List<String> WRITE_IDS = List.of(
            "0",
            "-1",
            "987654321",
            "9223372036854775807",
            "9223372036854775808",
            "99999999999999999999",
            "abc",
            "1e3",
            "1.0",
            "%20");

    private final PostgresDatabase database = DeployedModule.deployment().database();
    private final Http admin = DeployedModule.deployment().http();
    private final URI base = DeployedModule.deployment().server().baseUri();
    private final String authorization = "Basic "
            + Base64.getEncoder()
                    .encodeToString(
                            (Users.ADMIN.username() + ":" + Users.ADMIN.password()).getBytes(StandardCharsets.UTF_8));
    private Long defaultTemplate;

    @BeforeEach
    void clean() throws Exception {
        Fixtures.removeInvoices(database);
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT template_id FROM invoice_template_default")) {
            row.next();
            long id = row.getLong(1);
            defaultTemplate = row.wasNull() ? null : id;
        }
    }

    @AfterEach
    void restore() throws Exception {
        Fixtures.removeInvoices(database);
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute("UPDATE invoice_template_default SET template_id = " + defaultTemplate);
        }
    }

    /** The three inputs the review found answered 500, each now a 400 naming its field. */
    @Test
    void theInputsThatFailedAnswerTheirField() {
        assertProblem(admin.get(API + "/invoices?page=5000000&size=500"), 400, "VALIDATION_FAILED", "page");
        assertProblem(
                admin.get(API + "/invoices?accountId=9223372036854775808"), 400, "VALIDATION_FAILED", "accountId");
        assertProblem(
                admin.postText(
                        API + "/invoices/calculate",
                        "{\"accountId\": 9223372036854775808,"
                                + " \"direction\": \"CUSTOMER\", \"startDate\": \"2026-03-01\", \"endDate\": \"2026-03-31\"}"),
                400,
                "VALIDATION_FAILED",
                "accountId");
        assertProblem(
                admin.post(
                        API + "/invoices/calculate",
                        Json.createObjectBuilder()
                                .add("accountId", 10)
                                .add("direction", "CUSTOMER")
                                .add("startDate", "2026-03-01")
                                .add("endDate", "+999999999-12-31")
                                .build()),
                400,
                "VALIDATION_FAILED",
                "endDate");
        assertProblem(
                admin.post(
                        API + "/invoices",
                        Json.createObjectBuilder()
                                .add("accountId", 10)
                                .add("direction", "CUSTOMER")
                                .add("startDate", "-999999999-01-01")
                                .add("endDate", "2026-03-31")
                                .build()),
                400,
                "VALIDATION_FAILED",
                "startDate");
        assertProblem(admin.get(API + "/invoices?from=%2B999999999-12-31"), 400, "VALIDATION_FAILED", "from");
    }

    /** A manual period is at most a year by default (invoicing.invoice.max-period): 2025-04-01..2026-03-31 is, a day more is not. */
    @Test
    void aManualPeriodIsAtMostAYear() {
        Http.Response year = admin.post(
                API + "/invoices/calculate",
                Json.createObjectBuilder()
                        .add("accountId", 10)
                        .add("direction", "CUSTOMER")
                        .add("startDate", "2025-04-01")
                        .add("endDate", "2026-03-31")
                        .build());
        assertEquals(200, year.status(), year.text());

        Http.Response longer = admin.post(
                API + "/invoices",
                Json.createObjectBuilder()
                        .add("accountId", 10)
                        .add("direction", "CUSTOMER")
                        .add("startDate", "2025-03-31")
                        .add("endDate", "2026-03-31")
                        .build());
        assertProblem(longer, 422, "PERIOD_TOO_LONG", "endDate");
        assertEquals(
                0,
                admin.get(API + "/invoices?accountId=10")
                        .jsonObject()
                        .getJsonNumber("total")
                        .intValue());
    }

    @Test
    void randomRequestsToEveryOperationAnswerOnlySuccessOrAProblem() throws Exception {
        long seed = Long.getLong("it.random.seed", new Random().nextLong());
        int perOperation = Integer.getInteger("it.random.requests", 30);
        Random random = new Random(seed);
        Map<String, List<String>> operations = operations();
        assertEquals(true, operations.size() > 30, "found the operations: " + operations.keySet());

        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, List<String>> operation : operations.entrySet()) {
            String method = operation.getKey().split(" ")[0];
            String template = operation.getKey().split(" ")[1];
            for (int i = 0; i < perOperation && failures.size() < 20; i++) {
                String path = concrete(template, method.equals("GET") ? READ_IDS : WRITE_IDS, random)
                        + queryString(operation.getValue(), random);
                String body = method.equals("GET") || method.equals("DELETE") ? null : body(random);
                String problem;
                try {
                    problem = check(send(method, path, body, random));
                } catch (IOException e) {
                    problem = "no answer: " + e;
                }
                sent++;
                if (problem != null) {
                    failures.add(method + " " + path + (body == null ? "" : " " + abbreviated(body)) + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), failures, "seed " + seed + " (-Dit.random.seed=" + seed + "), " + sent + " requests");
    }

    /** Null when the answer is fine, else what is wrong with it. */
    private static String check(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return null;
        }
        if (status < 400 || status >= 500) {
            return status + " " + abbreviated(response.body());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return status + " as " + type + ": " + abbreviated(response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject problem = reader.readObject();
            if (!problem.containsKey("code") || problem.getInt("status") != status) {
                return status + " without its code: " + abbreviated(response.body());
            }
        } catch (RuntimeException e) {
            return status + " not JSON: " + abbreviated(response.body());
        }
        return null;
    }

    private HttpResponse<String> send(String method, String path, String body, Random random)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Accept", random.nextInt(10) == 0 ? "*/*" : "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", random.nextInt(20) == 0 ? "text/plain" : "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Each operation {@code GET /api/v1/invoices/{id}} with the names of its query parameters. */
    private Map<String, List<String>> operations() {
        JsonObject paths = admin.get("/openapi").jsonObject().getJsonObject("paths");
        Map<String, List<String>> operations = new TreeMap<>();
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, definition) -> {
            if (!Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            String key = method.toUpperCase(java.util.Locale.ROOT) + " " + path.replaceFirst("^/invoicing/", "/");
            if (LEFT_OUT.contains(key)) {
                return;
            }
            Set<String> query = new TreeSet<>(List.of("page", "size", "cursor", "q"));
            JsonValue parameters = definition.asJsonObject().get("parameters");
            if (parameters != null) {
                parameters.asJsonArray().getValuesAs(JsonObject.class).stream()
                        .filter(parameter -> "query".equals(parameter.getString("in", "")))
                        .forEach(parameter -> query.add(parameter.getString("name")));
            }
            operations.put(key, List.copyOf(query));
        }));
        return operations;
    }

    private static String concrete(String template, List<String> ids, Random random) {
        StringBuilder path = new StringBuilder();
        for (String segment : template.substring(1).split("/")) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(
                    switch (segment) {
                        case "{id}" -> pick(ids, random);
                        case "{direction}" ->
                            pick(List.of("CUSTOMER", "VENDOR", "customer", "BOTH", "", "%20"), random);
                        case "{name}" ->
                            pick(
                                    List.of("INV_ORIG_DST_TABLE", "INV_CHARGES_TABLE", "NOPE", "inv_srv_data_table"),
                                    random);
                        default -> segment;
                    });
        }
        return path.toString().replace("//", "/x/");
    }

    private static String queryString(List<String> names, Random random) {
        int count = random.nextInt(4);
        if (count == 0) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        for (int i = 0; i < count; i++) {
            String name = random.nextInt(8) == 0 ? pick(FIELDS, random) : pick(names, random);
            String value = text(random);
            // The request line stays within what any HTTP server takes (a longer one is the server's 414, not the
            // API's).
            value = value.length() > 100 ? value.substring(0, 100) : value;
            query.append(i == 0 ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static String body(Random random) {
        return switch (random.nextInt(20)) {
            case 0 -> "";
            case 1 -> "{\"accountId\": 10,";
            case 2 -> "[" + value(random, 2) + "]";
            case 3 -> value(random, 2).toString();
            case 4 -> "{\"accountId\": 1e99999, \"startNumber\": 12345678901234567890123}";
            default -> object(random, 2).toString();
        };
    }

    private static JsonObject object(Random random, int depth) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        int fields = random.nextInt(7);
        for (int i = 0; i < fields; i++) {
            object.add(pick(FIELDS, random), value(random, depth - 1));
        }
        return object.build();
    }

    private static JsonValue value(Random random, int depth) {
        switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0:
                return JsonValue.NULL;
            case 1:
                return random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
            case 2:
                return Json.createValue(pick(
                        List.of(
                                0L,
                                1L,
                                2L,
                                3L,
                                10L,
                                20L,
                                30L,
                                -1L,
                                100001L,
                                Long.MAX_VALUE,
                                Long.MIN_VALUE,
                                (long) Integer.MAX_VALUE + 1),
                        random));
            case 3:
                return Json.createValue(new BigInteger(pick(
                        List.of("9223372036854775808", "-9223372036854775809", "123456789012345678901234567890"),
                        random)));
            case 4:
                return Json.createValue(pick(List.of(1.5, -0.0, 1e300, 3.0), random));
            case 7:
                JsonArrayBuilder array = Json.createArrayBuilder();
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    array.add(value(random, depth - 1));
                }
                return array.build();
            case 8:
                return object(random, depth - 1);
            default:
                return Json.createValue(text(random));
        }
    }

    private static String text(Random random) {
        return pick(TEXTS, random);
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
