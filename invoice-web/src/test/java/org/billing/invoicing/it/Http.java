package org.billing.invoicing.it;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/** A small JSON client for black-box tests; paths are relative to the base URI, e.g. {@code api/v1/accounts}. */
public final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private final HttpClient client = CLIENT;
    private final URI baseUri;
    private final String authorization;

    /** A client without credentials: the API answers it 401. */
    public Http(URI baseUri) {
        this(baseUri, null);
    }

    private Http(URI baseUri, String authorization) {
        this.baseUri = baseUri;
        this.authorization = authorization;
    }

    /** The same client sending the user's credentials with HTTP Basic. */
    public Http as(Users user) {
        return as(user.username(), user.password());
    }

    public Http as(String username, String password) {
        return new Http(
                baseUri,
                "Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString(
                                        (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Sends any request built on this client's base URI and credentials (extra headers, other methods). */
    public Response send(String method, String path, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(builder::header);
        return send(builder);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, JsonValue body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Response put(String path, JsonValue body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Posts a body as it is, e.g. JSON that does not parse. */
    public Response postText(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts raw bytes with their media type, e.g. an .odt file. */
    public Response upload(String path, byte[] body, String contentType) {
        return send(
                request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Gets a binary body (a PDF, an .odt). */
    public BinaryResponse getBytes(String path) {
        HttpRequest built = request(path).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
            return new BinaryResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + built.method() + " " + built.uri(), e);
        }
    }

    /** A response with a binary body. */
    public record BinaryResponse(int status, HttpHeaders headers, byte[] body) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(baseUri.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json");
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private Response send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + built.method() + " " + built.uri(), e);
        }
    }

    /** A response; {@code text} is the raw body, which {@link #json()} parses. */
    public record Response(int status, HttpHeaders headers, String text) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The parsed body; {@link JsonValue#NULL} when the body is empty. */
        public JsonValue json() {
            if (text.isBlank()) {
                return JsonValue.NULL;
            }
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return reader.readValue();
            }
        }

        public JsonObject jsonObject() {
            return json().asJsonObject();
        }

        public JsonArray jsonArray() {
            return json().asJsonArray();
        }
    }
}
