package com.arcycle.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.arcycle.testing.Browser;
import com.arcycle.testing.CsvFiles;
import com.arcycle.testing.EnabledWithBrowser;
import com.arcycle.testing.Launcher;
import com.arcycle.testing.SharedFiles;

/**
 * The console as the accountant uses it: {@code scripts/arcycle console} in its own JVM, driven
 * through headless Chromium. The database holds the small ledger's first cycle and a second
 * cycle that failed at its late-fee step (a customer row edited by hand, then corrected), which
 * the operator restarts from the page. Takes the screenshots in docs/images/.
 */
@EnabledWithBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIntegrationTests {

    private static final Path SCREENSHOTS = Path.of("docs", "images");
    private static final String OPERATOR_PASSWORD = "operator-secret-1";
    private static final String VIEWER_PASSWORD = "viewer-secret-1";

    private Launcher launcher;
    private Path home;
    private Path out;
    private Path downloads;
    private Process console;
    private String base;
    private ChromeDriver browser;

    @BeforeAll
    void consoleOverAFailedCycle() throws Exception {
        home = Path.of("target", "console-browser-" + UUID.randomUUID()).toAbsolutePath();
        out = home.resolve("out");
        downloads = Files.createDirectories(home.resolve("downloads"));
        launcher = new Launcher(home);
        Path ledger = SharedFiles.path("examples/small-ledger/ledger");
        assertThat(launcher.run("import-ledger", "--dir", ledger.toString()).exitCode()).isZero();
        assertThat(launcher.run("run-cycle", "--cycle-date", "2026-01-31").exitCode()).isZero();
        sql("UPDATE customer SET late_fee_mode = 'SOMETIMES' WHERE account_number = 'A008'");
        // A skip limit of 0: the account with bad data fails the run (by default it would be skipped).
        var failed = launcher.run("run-cycle", "--cycle-date", "2026-03-02", "--arcycle.batch.skip-limit=0");
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        sql("UPDATE customer SET late_fee_mode = 'HABITUAL' WHERE account_number = 'A008'");
        addUser("olive", "OPERATOR", OPERATOR_PASSWORD);
        addUser("victor", "VIEWER", VIEWER_PASSWORD);

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        Path log = home.resolve("console.log");
        console = launcher.start(log, "console", "--arcycle.console.port=" + port);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.readString(log).contains("The console serves " + base + "/")) {
            assertThat(console.isAlive()).as("the console stopped: " + Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("the console did not start: " + Files.readString(log)).isLessThan(deadline);
            Thread.sleep(500);
        }
        browser = Browser.start(downloads);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.destroy();
            if (!console.waitFor(30, TimeUnit.SECONDS)) {
                console.destroyForcibly();
            }
        }
    }

    /** The embedded database between commands (no arcycle process holds it then). */
    private void sql(String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("data/arcycle")
                + ";MODE=MySQL", "sa", ""); Statement s = connection.createStatement()) {
            assertThat(s.executeUpdate(statement)).isEqualTo(1);
        }
    }

    /** add-user with the password on standard input, as a script would give it. */
    private void addUser(String name, String role, String password) throws Exception {
        Path log = Files.createTempFile(home, "add-user", ".log");
        Process process = launcher.start(log, "add-user", "--name", name, "--role", role);
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("Added the console user " + name + " (" + role + ")")
                .doesNotContain(password);
    }

    private void logIn(String user, String password) {
        submitLogIn(user, password);
        // The click returns before the next page has loaded: wait for it, or the test reads the login page.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !b.getCurrentUrl().contains("/login")
                && !b.findElements(By.cssSelector("form[action$='/logout']")).isEmpty());
    }

    private void submitLogIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
    }

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The element's text, once the page that has it is there (a click that submits a form does not wait for the next page). */
    private String text(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.findElement(By.id(id))).getText();
    }

    private WebElement runRow(String cycleDate, String status) {
        return browser.findElements(By.cssSelector("#runs tbody tr")).stream()
                .filter(row -> row.getText().contains(cycleDate) && row.getText().contains(status)).findFirst()
                .orElse(null);
    }

    private static BigDecimal amount(String shown) {
        return new BigDecimal(shown.replace(",", ""));
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefused() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/login");
        screenshot("console-login.png");
        submitLogIn("olive", "not-her-password");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.getCurrentUrl().endsWith("/login?error"));
        assertThat(text("login-error")).isEqualTo("Wrong user name or password.");
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).as("still not logged in").isEqualTo(base + "/login");
    }

    @Test
    @Order(2)
    void theOperatorSeesTheRunsWithTheFailedStepAndItsReason() throws Exception {
        logIn("olive", OPERATOR_PASSWORD);
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/");
        WebElement failed = runRow("2026-03-02", "FAILED");
        assertThat(failed).isNotNull();
        assertThat(failed.getText()).contains("step lateFees: late_fee_mode must be ALWAYS, NEVER or HABITUAL");
        assertThat(runRow("2026-01-31", "COMPLETED")).isNotNull();
        assertThat(browser.findElement(By.id("runs")).getText()).contains("import-ledger");
        screenshot("console-runs.png");
    }

    @Test
    @Order(3)
    void theCycleTiesOutAndItsFiguresAreTheFilesFigures() throws Exception {
        logIn("olive", OPERATOR_PASSWORD);
        browser.get(base + "/cycles/2026-01-31");
        Path folder = out.resolve("2026-01-31");
        assertThat(text("tie-result")).isEqualTo("Agrees");
        BigDecimal receivables = CsvFiles.rows(folder.resolve("aged-receivables.csv")).stream()
                .map(row -> new BigDecimal(row.get("total"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(amount(text("tie-now"))).isEqualByComparingTo(receivables);
        List<CSVRecord> fees = CsvFiles.rows(folder.resolve("fees.csv"));
        assertThat(text("fees-count")).isEqualTo(String.valueOf(fees.size()));
        assertThat(amount(text("tie-fees"))).isEqualByComparingTo(fees.stream()
                .map(row -> new BigDecimal(row.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add));
        try (var statements = Files.list(folder.resolve("statements"))) {
            assertThat(text("statements-count")).isEqualTo(String.valueOf(statements.count()));
        }
        assertThat(amount(text("tie-previous"))).isZero(); // the first cycle
        // Each CSV file's record count on the page is its number of rows.
        for (String file : List.of("aged-receivables.csv", "fees.csv", "dunning.csv", "write-off.csv")) {
            WebElement row = browser.findElement(By.cssSelector("#files tr[data-file='" + file + "']"));
            assertThat(row.findElement(By.className("records")).getText())
                    .isEqualTo(String.valueOf(CsvFiles.rows(folder.resolve(file)).size()));
        }
        assertThat(browser.findElement(By.id("aging-chart")).findElements(By.cssSelector("rect.bar-now"))).hasSize(6);
        screenshot("console-cycle.png");
    }

    @Test
    @Order(4)
    void aDownloadedFileHasTheSha256OfTheManifest() throws Exception {
        logIn("olive", OPERATOR_PASSWORD);
        browser.get(base + "/cycles/2026-01-31");
        WebElement row = browser.findElement(By.cssSelector("#files tr[data-file='fees.csv']"));
        String shown = row.findElement(By.className("sha256")).getText();
        row.findElement(By.className("download")).click();
        Path downloaded = downloads.resolve("fees.csv");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> Files.exists(downloaded));
        String manifest = Files.readString(out.resolve("2026-01-31/manifest.json"));
        var listed = Pattern.compile("\"name\" : \"fees.csv\",[^}]*\"sha256\" : \"([0-9a-f]{64})\"").matcher(manifest);
        assertThat(listed.find()).isTrue();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(downloaded)));
        assertThat(sha256).isEqualTo(listed.group(1)).isEqualTo(shown);
    }

    @Test
    @Order(5)
    void aDownloadLeavingTheCycleFolderIsRefused() throws Exception {
        logIn("olive", OPERATOR_PASSWORD);
        browser.get(base + "/cycles/2026-03-02/file?name=../2026-01-31/fees.csv");
        assertThat(text("error-status")).isEqualTo("400 Bad Request");
        browser.get(base + "/cycles/2026-01-31/file?name=statements/../../../data/arcycle.mv.db");
        assertThat(text("error-status")).isEqualTo("400 Bad Request");
        try (var files = Files.list(downloads)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsOnly("fees.csv");
        }
    }

    @Test
    @Order(6)
    void anAccountIsFoundByName() throws Exception {
        logIn("victor", VIEWER_PASSWORD);
        browser.get(base + "/accounts");
        browser.findElement(By.id("q")).sendKeys("slow steady");
        browser.findElement(By.id("search")).click();
        assertThat(text("account-number")).isEqualTo("A002");
        assertThat(text("open-items")).contains("I-2001");
        assertThat(text("stage-history")).contains("REMINDER");
        assertThat(text("notices")).contains("statements/A002.pdf");
        screenshot("console-account.png");
    }

    @Test
    @Order(7)
    void aViewersRestartIsRefused() throws Exception {
        logIn("victor", VIEWER_PASSWORD);
        runRow("2026-03-02", "FAILED").findElement(By.className("restart")).click();
        assertThat(text("error-status")).isEqualTo("403 Forbidden");
        browser.get(base + "/");
        assertThat(runRow("2026-03-02", "FAILED")).as("nothing was restarted").isNotNull();
        assertThat(text("actions")).contains("No action taken from the console yet.");
    }

    @Test
    @Order(8)
    void theOperatorRestartsTheFailedRunAndWatchesItComplete() throws Exception {
        logIn("olive", OPERATOR_PASSWORD);
        runRow("2026-03-02", "FAILED").findElement(By.className("restart")).click();
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/");
        // The page reloads itself while the run goes on: no click, no navigation here.
        new WebDriverWait(browser, Duration.ofMinutes(4)).pollingEvery(Duration.ofSeconds(1))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(b -> runRow("2026-03-02", "COMPLETED") != null);
        assertThat(text("actions")).contains("olive").contains("restart --cycle-date 2026-03-02").contains("done")
                .contains("The cycle of 2026-03-02 completed");
        browser.get(base + "/cycles/2026-03-02");
        assertThat(text("tie-result")).isEqualTo("Agrees");
        assertThat(amount(text("tie-previous"))).isEqualByComparingTo(CsvFiles.rows(
                out.resolve("2026-01-31/aged-receivables.csv")).stream().map(row -> new BigDecimal(row.get("total")))
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(text("fees-count")).isEqualTo(String.valueOf(CsvFiles.rows(out.resolve("2026-03-02/fees.csv")).size()));
    }

    @Test
    @Order(9)
    void prometheusScrapesSpringBatchsAndArcyclesMetricsWithALogin() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("victor:" + VIEWER_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        // The restarted run's job, steps and items, through Batch 6's observations.
        assertThat(metrics).containsPattern("spring_batch_job_seconds_count\\{[^}]*spring_batch_job_name=\"statement-cycle\""
                + "[^}]*spring_batch_job_status=\"COMPLETED\"[^}]*} 1")
                .containsPattern("spring_batch_step_seconds_count\\{[^}]*spring_batch_step_name=\"lateFees\"")
                .contains("spring_batch_item_read_seconds_count");
        var statements = Pattern.compile("arcycle_statements_rendered_total\\{[^}]*} ([0-9.]+)").matcher(metrics);
        assertThat(statements.find()).isTrue();
        try (var files = Files.list(out.resolve("2026-03-02/statements"))) {
            assertThat(Double.parseDouble(statements.group(1))).isEqualTo((double) files.count());
        }
        assertThat(metrics).contains("arcycle_fees_charged_total").contains("arcycle_referrals_total");
    }
}
