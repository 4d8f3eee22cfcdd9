package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The login form over plain HTTP, as a browser posts it, with the headers a proxy in front of the server
 * would add: what the server answers is read raw (every {@code Set-Cookie}, the redirect), which a
 * browser does not show.
 */
final class FormLogin {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    /** The login page's answer and the login's answer. */
    record Result(HttpResponse<String> page, HttpResponse<String> login) {

        List<String> pageCookies() {
            return page.headers().allValues("Set-Cookie");
        }

        List<String> loginCookies() {
            return login.headers().allValues("Set-Cookie");
        }

        String location() {
            return login.headers().firstValue("Location").orElse("");
        }
    }

    private FormLogin() {}

    /** GETs the login page, then posts the form with the user's name and password; {@code headers} go with both. */
    static Result logIn(URI baseUri, Users user, Map<String, String> headers) {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(baseUri.resolve("login.xhtml")).GET(), headers);
        assertEquals(200, page.statusCode(), page.body());
        String session = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + page.headers()));
        Matcher viewState = VIEW_STATE.matcher(page.body());
        assertTrue(viewState.find(), page.body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:next", "");
        form.put("login:username", user.username());
        form.put("login:password", user.password());
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState.group(1).replace("&#58;", ":"));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> login = send(
                HttpRequest.newBuilder(baseUri.resolve("login.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", session)
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                headers);
        return new Result(page, login);
    }

    static HttpResponse<String> get(URI uri, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri).GET(), headers);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
