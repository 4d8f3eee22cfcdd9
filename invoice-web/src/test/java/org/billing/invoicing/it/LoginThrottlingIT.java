package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

import org.billing.invoicing.testing.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 11 on the deployed WAR, with low limits (3 failures per user name, 6 per address, a 30 s window)
 * and this machine as the trusted proxy in front of it, so that each test speaks from its own client
 * address ({@code X-Forwarded-For}) and says the browser used HTTPS ({@code X-Forwarded-Proto}):
 * lockouts over REST and on the login page, their end, a lockout written by another node, and the
 * {@code Secure} session cookie behind a TLS-terminating proxy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottlingIT {

    private static final Duration WINDOW = Duration.ofSeconds(30);
    /** Users of their own for each test, so that one test's lockout is not another's. */
    private static final List<String> OWN_USERS = List.of("lars", "nils", "mira", "lena");

    private PostgresDatabase database;
    private PayaraMicro server;

    @BeforeAll
    void start() throws Exception {
        database = PostgresDatabase.startMigrated();
        database.run("/fixtures/march-2026.sql");
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.putAll(Users.environment());
        environment.put(
                "INVOICING_SECURITY_USERS",
                environment.get("INVOICING_SECURITY_USERS") + "," + String.join(",", OWN_USERS));
        for (String user : OWN_USERS) {
            String prefix = "INVOICING_SECURITY_USER_" + user.toUpperCase(Locale.ROOT) + "_";
            environment.put(prefix + "PASSWORD", password(user));
            environment.put(prefix + "ROLES", "invoice-viewer");
        }
        environment.put("INVOICING_SECURITY_LOGIN_FAILURES", "3");
        environment.put("INVOICING_SECURITY_LOGIN_ADDRESS_FAILURES", "6");
        environment.put("INVOICING_SECURITY_LOGIN_WINDOW", WINDOW.toSeconds() + "s");
        environment.put("INVOICING_HTTP_TRUSTED_PROXIES", "127.0.0.1, ::1");
        server = PayaraMicro.start(environment, "api/v1/accounts");
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            database.close();
        }
    }

    @Test
    void aUserIsRefusedAfterThreeFailuresEvenWithTheRightPasswordUntilTheLockoutEnds() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertProblem(accounts("lars", "wrong", "198.51.100.1"), 401, "AUTHENTICATION_REQUIRED", null);
        }
        Http.Response locked = accounts("lars", password("lars"), "198.51.100.1");
        assertProblem(locked, 429, "TOO_MANY_LOGIN_FAILURES", null);
        long retryAfter = Long.parseLong(locked.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= WINDOW.toSeconds(), "Retry-After: " + retryAfter);
        assertTrue(locked.jsonObject().getString("detail").startsWith("Too many failed logins"), locked.text());
        assertProblem(accounts("lars", "wrong", "198.51.100.1"), 429, "TOO_MANY_LOGIN_FAILURES", null);
        assertProblem(accounts("lars", password("lars"), "198.51.100.2"), 429, "TOO_MANY_LOGIN_FAILURES", null);

        Thread.sleep(Duration.ofSeconds(retryAfter).plusMillis(1500).toMillis());
        Http.Response after = accounts("lars", password("lars"), "198.51.100.1");
        assertEquals(200, after.status(), after.text());
    }

    @Test
    void aSuccessfulLoginClearsTheUsersFailures() {
        for (int round = 0; round < 2; round++) {
            assertEquals(401, accounts("nils", "wrong", "198.51.100.3").status());
            assertEquals(401, accounts("nils", "wrong", "198.51.100.3").status());
            assertEquals(200, accounts("nils", password("nils"), "198.51.100.3").status(), "round " + round);
        }
    }

    @Test
    void anAddressIsRefusedAfterTooManyFailuresWhateverTheUserName() {
        for (int attempt = 0; attempt < 6; attempt++) {
            assertEquals(
                    401, accounts("guess" + attempt, "wrong", "198.51.100.4").status());
        }
        assertProblem(
                accounts(Users.ADMIN.username(), Users.ADMIN.password(), "198.51.100.4"),
                429,
                "TOO_MANY_LOGIN_FAILURES",
                null);
        assertEquals(
                200,
                accounts(Users.ADMIN.username(), Users.ADMIN.password(), "198.51.100.5")
                        .status(),
                "the user is not locked, only the address");
    }

    /** Another node's lockout is a row in the shared database; an administrator ends it by deleting the row. */
    @Test
    void aLockoutWrittenByAnotherNodeHoldsUntilAnAdministratorDeletesIt() throws Exception {
        assertEquals(200, accounts("mira", password("mira"), "198.51.100.6").status());
        execute("INSERT INTO login_failure (kind, key, failures, first_at, locked_until)"
                + " VALUES ('USER', 'mira', 3, now(), now() + interval '1 hour')");
        awaitStatus(status -> status == 429, "mira", "198.51.100.6");
        execute("DELETE FROM login_failure WHERE kind = 'USER' AND key = 'mira'"); // the README's way out
        awaitStatus(status -> status == 200, "mira", "198.51.100.6");
    }

    @Test
    void theLoginPageSaysWhenToTryAgain(@TempDir Path profile) {
        try (Browser browser = Browser.start(profile, server.baseUri())) {
            browser.open("login.xhtml");
            // The browser speaks from this machine, with no X-Forwarded-For: its own address counts.
            for (int attempt = 0; attempt < 3; attempt++) {
                assertEquals(
                        401,
                        new Http(server.baseUri())
                                .as("lena", "wrong")
                                .get("api/v1/accounts")
                                .status());
            }
            browser.type("login:username", "lena");
            browser.type("login:password", password("lena"));
            browser.click("login:submit");
            browser.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("login:passwordMessage"), "Too many failed logins"));
            String message = browser.text("login:passwordMessage");
            assertTrue(
                    message.matches(
                            "Too many failed logins: this user name or this computer may try again in \\d+ seconds?\\."),
                    message);
            assertTrue(
                    browser.driver().getCurrentUrl().contains("/login.xhtml"),
                    browser.driver().getCurrentUrl());
            browser.checkScreen("login, locked out");
        }
    }

    @Test
    void behindTheTrustedProxyTheSessionCookieIsSecureAndRedirectsStayOnHttps() {
        Map<String, String> https = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.7");
        FormLogin.Result proxied = FormLogin.logIn(server.baseUri(), Users.VIEWER, https);
        String pageCookie = sessionCookie(proxied.pageCookies());
        assertTrue(pageCookie.contains("; Secure") || pageCookie.contains(";Secure"), pageCookie);
        assertTrue(
                pageCookie.contains("HttpOnly")
                        && pageCookie.toLowerCase(Locale.ROOT).contains("samesite=lax"),
                pageCookie);
        assertEquals(
                "max-age=31536000",
                proxied.page().headers().firstValue("Strict-Transport-Security").orElse(null));
        assertEquals(302, proxied.login().statusCode(), proxied.login().body());
        String loginCookie = sessionCookie(proxied.loginCookies());
        assertTrue(loginCookie.contains("Secure") && loginCookie.contains("HttpOnly"), loginCookie);
        assertTrue(
                proxied.location().startsWith("https://" + server.baseUri().getAuthority() + "/invoicing/index.xhtml"),
                proxied.location());
        HttpResponse<String> anonymous = FormLogin.get(server.baseUri().resolve("invoices.xhtml"), https);
        assertEquals(302, anonymous.statusCode());
        assertTrue(
                anonymous.headers().firstValue("Location").orElse("").startsWith("https://"),
                anonymous.headers().toString());

        // The same proxy, for a browser that spoke plain HTTP to it: no Secure, no https redirect.
        FormLogin.Result plain =
                FormLogin.logIn(server.baseUri(), Users.VIEWER, Map.of("X-Forwarded-For", "198.51.100.7"));
        assertFalse(
                sessionCookie(plain.pageCookies()).contains("Secure"),
                plain.pageCookies().toString());
        assertFalse(plain.location().startsWith("https:"), plain.location());
        assertFalse(
                plain.page().headers().firstValue("Strict-Transport-Security").isPresent());
    }

    static String sessionCookie(List<String> cookies) {
        return cookies.stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    private void awaitStatus(IntPredicate expected, String user, String address) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        int status;
        do {
            status = accounts(user, password(user), address).status();
            if (expected.test(status)) {
                return;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("still " + status + " for " + user + " after 5 s");
    }

    private Http.Response accounts(String user, String password, String clientAddress) {
        return new Http(server.baseUri())
                .as(user, password)
                .send("GET", "api/v1/accounts", Map.of("X-Forwarded-For", clientAddress));
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String password(String user) {
        return user + "-secret";
    }
}
