package org.billing.invoicing.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driving the module's pages as an operator would, with Debian's Chromium and its
 * driver (no Selenium Manager: nothing is downloaded). Screenshots go to {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final java.net.http.HttpClient DOWNLOADS = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private static final String AXE = resource("/axe/axe.min.js");

    private final WebDriver driver;
    private final WebDriverWait await;
    private final URI baseUri;

    private Browser(WebDriver driver, URI baseUri) {
        this.driver = driver;
        this.await = new WebDriverWait(driver, WAIT);
        this.baseUri = baseUri;
    }

    private static String resource(String name) {
        try (java.io.InputStream in = Browser.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh browser with its own profile directory, on pages under {@code baseUri}. */
    static Browser start(Path profile, URI baseUri) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1440,1200",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1440, 1200));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, baseUri);
    }

    /** A fresh browser logged in as {@code user}. */
    static Browser start(Path profile, URI baseUri, Users user) {
        Browser browser = start(profile, baseUri);
        try {
            browser.logIn(user);
        } catch (RuntimeException | Error e) {
            browser.close();
            throw e;
        }
        return browser;
    }

    /** Logs in on the login page and waits for the invoices page it leads to. */
    void logIn(Users user) {
        open("login.xhtml");
        type("login:username", user.username());
        type("login:password", user.password());
        click("login:submit");
        await.until(ExpectedConditions.presenceOfElementLocated(By.id("session:user")));
    }

    /** GETs a link's address with the browser's cookies (its session), as the browser would, without following redirects. */
    Download download(String linkId) throws IOException, InterruptedException {
        String href = driver.findElement(By.id(linkId)).getAttribute("href");
        String cookies = driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        java.net.http.HttpResponse<byte[]> response = DOWNLOADS.send(
                java.net.http.HttpRequest.newBuilder(URI.create(href))
                        .header("Cookie", cookies)
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response);
    }

    /** What {@link #download} got. */
    record Download(java.net.http.HttpResponse<byte[]> response) {

        int status() {
            return response.statusCode();
        }

        byte[] body() {
            return response.body();
        }

        String text() {
            return new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }
    }

    WebDriver driver() {
        return driver;
    }

    WebDriverWait await() {
        return await;
    }

    void open(String path) {
        driver.get(baseUri.resolve(path).toString());
    }

    void click(String id) {
        await.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /**
     * Waits until PrimeFaces has no Ajax request left, its responses' updates applied: the elements it re-rendered
     * can be found again without going stale under the test.
     */
    void awaitAjax() {
        await.until(driver ->
                (Boolean) ((JavascriptExecutor) driver).executeScript("return PrimeFaces.ajax.Queue.isEmpty();"));
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    void type(String id, String value) {
        WebElement input = await.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    }

    /** Picks the option {@code label} of a PrimeFaces select menu, once its panel has finished opening. */
    void choose(String menuId, String label) {
        click(menuId);
        WebElement panel = await.until(ExpectedConditions.visibilityOfElementLocated(By.id(menuId + "_panel")));
        await.until(driver -> "1".equals(panel.getCssValue("opacity")));
        await.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']")))
                .click();
        await.until(ExpectedConditions.textToBe(By.id(menuId + "_label"), label));
    }

    /** Types into a PrimeFaces date picker, which opens its calendar from its button only. */
    void typeDate(String id, String value) {
        WebElement input = driver.findElement(By.id(id + "_input"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
        assertEquals(value, input.getDomProperty("value"));
    }

    /** The invoices page's Create form: account (by the start of its label), Customer, start and end dates. */
    void fillCreateForm(String account, String startDate, String endDate) {
        click("create:accountId");
        await.until(d ->
                "create:accountId_filter".equals(d.switchTo().activeElement().getAttribute("id")));
        await.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#create\\:accountId_items li[data-label^='" + account + "']")))
                .click();
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("create:accountId_label"), account));
        WebElement customer =
                driver.findElement(By.xpath("//*[@id='create:direction']//label[normalize-space()='Customer']"));
        if (!driver.findElement(By.id(customer.getAttribute("for"))).isSelected()) {
            customer.click();
        }
        typeDate("create:startDate", startDate);
        typeDate("create:endDate", endDate);
    }

    /** The text of the first row of a PrimeFaces data table that contains {@code text}, on one line. */
    String rowContaining(String tableId, String text) {
        return driver.findElements(By.cssSelector("[id='" + tableId + "_data'] > tr")).stream()
                .map(WebElement::getText)
                .map(row -> row.replace('\n', ' '))
                .filter(row -> row.contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row with " + text + " in " + text(tableId)));
    }

    /**
     * What the internal words on a screen look like: the code names of the specifications ("seed 003"),
     * enum and code names ({@code INV_ORIG_DST_TABLE}, {@code NOT_ISSUED}, {@code CUSTOMER}) and role names.
     * Not looked for: the text of {@code <code>}, which shows what an operator types (a template's placeholders,
     * a series' pattern), and a placeholder in its brackets ({@code [C_FAX]}) quoted from the operator's template.
     */
    private static final java.util.regex.Pattern JARGON = java.util.regex.Pattern.compile(
            "(?i:\\bseed\\b)|(?<!\\[)\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\binvoice-(?:viewer|operator|admin)\\b|\\b(?:CUSTOMER|VENDOR|PENDING"
                    + "|APPROVED|CLOSED|CREATED|CREDITED|DELETED|PREPAY|POSTPAY|MANUAL|AUTO|STARTED|COMPLETED|ABANDONED|SCHEDULE"
                    + "|OPERATOR|READY|FAILED|QUEUED|SENT|SENDING|RESEND|ISSUE|MONTHLY|WEEKLY|DAILY|SUPPLEMENTARY)\\b");

    /**
     * Checks the page as it is now for any operator: runs axe-core (a copy of {@code axe.min.js} from npm
     * in the test resources, MPL-2.0, injected into the page: nothing is downloaded) with the WCAG 2.0 and
     * 2.1 A and AA rules, and reads the page's visible text for internal words. Fails on any violation,
     * naming the rule, its impact and each element with what is wrong, and on any internal word. The page
     * is judged at rest: first it waits until no CSS transition and no jQuery effect is running (a link the
     * last request had disabled fades back in over 0.2 s, a confirmation fades in, and their colours half-way
     * are not what the operator reads).
     *
     * @param state what the page shows, for the message: {@code "invoices, calculated"}
     */
    void checkScreen(String state) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        await.until(d -> Boolean.FALSE.equals(
                js.executeScript("return document.getAnimations().some(a => a instanceof CSSTransition"
                        + " && a.playState === 'running')"
                        + " || (typeof window.jQuery === 'function' && jQuery(':animated').length > 0);")));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(AXE);
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                   resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + '\\n'
                           + v.nodes.map(n => '    ' + n.target.join(' ') + '  ' + n.html + '\\n      '
                               + (n.failureSummary || '').replace(/\\n\\s*/g, ' ')).join('\\n'))))
                   .catch(e => done(['axe-core did not run: ' + e]));
                """);
        java.util.List<String> problems = new java.util.ArrayList<>();
        ((java.util.List<?>) result).forEach(violation -> problems.add(String.valueOf(violation)));
        // What the operator types or names in a template (shown as code: placeholders, table names) is theirs to know.
        String text = (String) js.executeScript("""
                const hide = document.createElement('style');
                hide.textContent = 'code { display: none !important; }';
                document.head.appendChild(hide);
                try { return document.body.innerText; } finally { hide.remove(); }
                """);
        java.util.regex.Matcher jargon = JARGON.matcher(text);
        while (jargon.find()) {
            int from = Math.max(0, jargon.start() - 60);
            int to = Math.min(text.length(), jargon.end() + 60);
            problems.add("internal word '" + jargon.group() + "' in: ..."
                    + text.substring(from, to).replace('\n', ' ') + "...");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("WCAG 2.1 A/AA violations or internal words on " + state + " ("
                    + driver.getCurrentUrl() + "):\n" + String.join("\n", problems));
        }
    }

    /**
     * Checks the page at a tablet's 768 px: nothing makes the page itself scroll sideways (a wide table scrolls
     * within its card), and the page still passes {@link #checkScreen}; then back to the desktop width.
     */
    void checkTablet(String state) {
        driver.manage().window().setSize(new Dimension(768, 1024));
        try {
            await.until(
                    d -> Long.valueOf(768).equals(((JavascriptExecutor) d).executeScript("return window.innerWidth;")));
            java.util.List<?> widths = (java.util.List<?>) ((JavascriptExecutor) driver)
                    .executeScript(
                            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
            assertEquals(
                    widths.get(1), widths.get(0), state + " at 768 px scrolls sideways (page width, window width)");
            checkScreen(state + " at 768 px");
        } finally {
            driver.manage().window().setSize(new Dimension(1440, 1200));
        }
    }

    /** Types {@code keys} into whatever has the focus, as a keyboard does: no element is looked up or clicked. */
    void press(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    /** Presses Alt+Shift+{@code letter}, the screens' shortcuts. */
    void shortcut(char letter) {
        new org.openqa.selenium.interactions.Actions(driver)
                .keyDown(Keys.ALT)
                .keyDown(Keys.SHIFT)
                .sendKeys(String.valueOf(letter).toLowerCase(java.util.Locale.ROOT))
                .keyUp(Keys.SHIFT)
                .keyUp(Keys.ALT)
                .perform();
    }

    /** The id of the element that has the focus ("" for one without an id). */
    String focused() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return document.activeElement.id;"));
    }

    /**
     * Presses Tab until the element {@code id} has the focus, as someone without a mouse would, and checks that
     * the focus shows (an outline or a focus ring on it or on its widget); fails after 80 presses, with the way
     * the focus went.
     */
    void tabTo(String id) {
        java.util.List<String> path = new java.util.ArrayList<>();
        for (int i = 0; i < 80 && !id.equals(focused()); i++) {
            press(Keys.TAB);
            path.add(focused());
        }
        if (!id.equals(focused())) {
            throw new AssertionError("Tab never reached " + id + "; the focus went " + path);
        }
        Object visible = ((JavascriptExecutor) driver).executeScript("""
                const shows = e => { const s = getComputedStyle(e);
                    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; };
                const a = document.activeElement;
                const widget = a.closest('.ui-radiobutton, .ui-chkbox, .ui-selectonemenu, .ui-calendar');
                return shows(a) || (widget !== null && [widget, ...widget.querySelectorAll('.ui-state-focus')]
                        .some(e => e.classList.contains('ui-state-focus') && shows(e)));
                """);
        assertEquals(Boolean.TRUE, visible, "the focus on " + id + " shows");
    }

    void scrollTo(String id) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(By.id(id)));
    }

    void screenshot(String name) {
        Path directory = Path.of(System.getProperty("invoicing.war")).resolveSibling("screenshots");
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a screenshot of the page {@code test} ended on ({@code last-<method>.png}), to see why it failed; then closes. */
    void closeAfter(org.junit.jupiter.api.TestInfo test) {
        try {
            screenshot("last-" + test.getTestMethod().orElseThrow().getName() + ".png");
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
