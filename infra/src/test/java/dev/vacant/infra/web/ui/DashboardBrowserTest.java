package dev.vacant.infra.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.Polling;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator dashboard in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; required, never
 * skipped) against the live server with data: each page is loaded, its content checked against the API, and a
 * screenshot kept under {@code target/ui-screenshots/} as a CI artefact.
 */
class DashboardBrowserTest extends VacantApiTestBase {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Selenium logs through java.util.logging; a strong reference keeps the level set here. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    /** Set by {@code .ci/run}: CI fails without Chromium instead of skipping the browser test. */
    static final String REQUIRE_CHROMIUM = "VACANT_TEST_REQUIRE_CHROMIUM";
    static final String NO_CHROMIUM = "the dashboard test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
            + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver (.ci/run installs them)";

    private ChromeDriver browser;

    /**
     * Fails loudly without Chromium where it is required ({@value #REQUIRE_CHROMIUM}{@code =true}, as in CI); elsewhere,
     * e.g. on a machine with only a JDK, the browser test is skipped and says why.
     */
    static void requireChromium(String required, boolean present) {
        if (!present && Boolean.parseBoolean(required)) {
            throw new AssertionError(NO_CHROMIUM);
        }
        assumeTrue(present, NO_CHROMIUM + "; skipped because " + REQUIRE_CHROMIUM + " is not true");
    }

    @BeforeEach
    void browser() throws IOException {
        requireChromium(System.getenv(REQUIRE_CHROMIUM), Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER));
        SELENIUM_LOG.setLevel(Level.SEVERE);
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1366,900");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String spawn(String parent, ObjectNode body) {
        Response spawned = api.post("/api/v1/vacants/" + parent + "/spawn", aliceToken, body);
        assertThat(spawned.status()).as(String.valueOf(spawned.body())).isEqualTo(201);
        return spawned.text("child_id");
    }

    private void out(String lane, String vacant) {
        Response out = api.post("/api/v1/lanes/" + lane + "/out", aliceToken,
                Json.object().put("vacant", vacant).put("yool", "note").set("map", Json.mapper().createArrayNode().add(1).add(2)));
        assertThat(out.status()).as(String.valueOf(out.body())).isEqualTo(201);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private String pageText() {
        return (String) js("return document.getElementById('page').innerText;");
    }

    private long count(String selector) {
        return (Long) js("return document.querySelectorAll(arguments[0]).length;", selector);
    }

    /** Waits until the page named {@code page} has loaded its data. */
    private void awaitPage(String page) {
        new WebDriverWait(browser, PATIENCE).until(driver -> "true".equals(js("return document.body.dataset.ready;"))
                && page.equals(js("return document.body.dataset.page;")));
    }

    /** Follows {@code hash} inside the loaded dashboard and waits for its page. */
    private void open(String hash, String page) {
        js("document.body.dataset.ready = 'false'; location.hash = arguments[0];", hash);
        awaitPage(page);
    }

    private void screenshot(String name) throws IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void everyPage_showsTheLiveData_oncePastTheTokenPrompt() throws IOException {
        // data: a composite with three D2 buds, a D1 line two deep, tuples on two lanes, a finished audit replay
        String root = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "search", "read"))
                .text("id");
        List<String> buds = List.of(1, 2, 3).stream().map(i -> spawn(root, Json.object().put("path", "D2")
                .set("narrowed_tools", Json.mapper().createArrayNode().add("search")))).toList();
        String child = spawn(root, Json.object().put("path", "D1").put("policy_mutation", "be brief"));
        String grandchild = spawn(child, Json.object().put("path", "D1").put("policy_mutation", "be briefer"));
        String busyLane = "ui-busy-" + alice;
        String quietLane = "ui-quiet-" + alice;
        out(busyLane, root);
        out(busyLane, root);
        out(quietLane, root);
        String job = api.post("/api/v1/audit/replays", operator, null).text("job");
        Polling.awaitUntil("the audit replay is done", PATIENCE,
                () -> api.get("/api/v1/audit/replays/" + job, operator).text("status").equals("DONE"));
        long head = api.get("/api/v1/vacants/" + root + "?consistency=strong", operator).body()
                .path("logbook_head").path("seq").asLong();

        // the static page loads without a token and asks for one
        browser.get("http://127.0.0.1:" + port + "/ui");
        awaitPage("registry");
        assertThat(pageText()).contains("Operator token required");
        screenshot("0-token");
        browser.findElement(By.id("token-input")).sendKeys(operator);
        js("document.body.dataset.ready = 'false';");
        browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();
        awaitPage("registry");
        assertThat(js("return sessionStorage.getItem('vacant.operator-token');")).isEqualTo(operator);

        // registry with filters: this controller's vacants, then its LOCAL ones (the buds)
        open("#/registry?controller=" + alice, "registry");
        assertThat(count("tr[data-vacant]")).isEqualTo(6);
        browser.findElement(By.cssSelector("#registry-filters select[name=state] option[value=LOCAL]")).click();
        js("document.body.dataset.ready = 'false';");
        browser.findElement(By.cssSelector("#registry-filters button[type=submit]")).click();
        awaitPage("registry");
        assertThat(count("tr[data-vacant]")).isEqualTo(3);
        buds.forEach(bud -> assertThat(count("tr[data-vacant='" + bud + "']")).isEqualTo(1));
        screenshot("1-registry");

        // one vacant: its logbook and the verdict on its chain
        open("#/vacant/" + root, "vacant");
        assertThat(pageText()).contains(root, "chain verified: " + (head + 1) + " entries", "GENESIS", "SPAWN");
        assertThat(count("tr[data-seq]")).isEqualTo(head + 1);
        screenshot("2-vacant-logbook");

        // the lineage graph: drawn by cytoscape, laid out top-down by dagre, zoomable
        open("#/lineage/" + child, "lineage");
        assertThat(browser.findElement(By.id("graph")).getAttribute("data-nodes")).isEqualTo("3");
        open("#/lineage/" + root, "lineage");
        assertThat(browser.findElement(By.id("graph")).getAttribute("data-nodes")).isEqualTo("6");
        assertThat(browser.findElement(By.id("graph")).getAttribute("data-edges")).isEqualTo("5");
        assertThat(count("#graph canvas")).isPositive();
        assertThat((Boolean) js("const g = window.lineageGraph; return g.$id(arguments[0]).position('y')"
                + " < g.$id(arguments[1]).position('y') && g.$id(arguments[1]).position('y') < g.$id(arguments[2]).position('y');",
                root, child, grandchild)).isTrue();
        double zoom = ((Number) js("return window.lineageGraph.zoom();")).doubleValue();
        browser.findElement(By.id("zoom-in")).click();
        assertThat(((Number) js("return window.lineageGraph.zoom();")).doubleValue()).isGreaterThan(zoom);
        browser.findElement(By.id("zoom-fit")).click();
        screenshot("3-lineage");

        // the composite: the three buds are its children
        open("#/composites/" + root, "composites");
        assertThat(count("tr[data-child]")).isEqualTo(3);
        buds.forEach(bud -> assertThat(count("tr[data-child='" + bud + "']")).isEqualTo(1));
        screenshot("4-composite");

        // lanes: backlog per lane from the space snapshot
        open("#/lanes", "lanes");
        assertThat(js("return document.querySelector(\"tr[data-lane='\" + arguments[0] + \"'] td:nth-child(2)\").textContent;",
                busyLane)).isEqualTo("2");
        assertThat(js("return document.querySelector(\"tr[data-lane='\" + arguments[0] + \"'] td:nth-child(2)\").textContent;",
                quietLane)).isEqualTo("1");
        assertThat(pageText()).contains("Execution lanes", "Tasks/s");
        screenshot("5-lanes");

        // operations: projection lag, the latest checkpoint when there is one, audit jobs with progress
        boolean checkpointed = api.get("/api/v1/checkpoints/latest", operator).status() == 200;
        open("#/operations", "operations");
        assertThat(count("tr[data-processor='projections']")).isEqualTo(1);
        assertThat(count("#no-checkpoint")).isEqualTo(checkpointed ? 0 : 1);
        assertThat(js("return document.querySelector(\"tr[data-job='\" + arguments[0] + \"']\").innerText;", job))
                .asString().contains("DONE");
        assertThat((Boolean) js("const p = document.querySelector(\"tr[data-job='\" + arguments[0] + \"'] progress\");"
                + " return p.value === p.max && p.max > 1;", job)).isTrue();
        screenshot("6-operations");
    }
}
