package com.arcycle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import com.arcycle.testing.RunsCommands;
import com.arcycle.testing.SharedFiles;
import com.arcycle.users.ConsoleUsers;
import com.arcycle.users.Role;

/**
 * The console's pages and its security, in a web context over a database with the small ledger's
 * first cycle: who sees what, what is refused, and that the pages show the cycle's figures.
 */
@SpringBootTest(properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ConsoleIntegrationTests extends RunsCommands {

    private final Path out = Path.of("target", "console-it-out-" + getClass().getSimpleName()).toAbsolutePath();

    @Autowired
    MockMvc mvc;

    @Autowired
    ConsoleUsers users;

    @BeforeAll
    void firstCycle() throws Exception {
        org.springframework.util.FileSystemUtils.deleteRecursively(out);
        var console = new com.arcycle.testing.Console(commands);
        Path ledger = SharedFiles.path("examples/small-ledger/ledger");
        assertThat(console.run("import-ledger", "--dir", ledger.toString(), "--out", out.toString())).isZero();
        assertThat(console.run("run-cycle", "--cycle-date", "2026-01-31", "--out", out.toString())).isZero();
        users.save("olive", "operator-secret".toCharArray(), Role.OPERATOR);
        users.save("victor", "viewer-secret1".toCharArray(), Role.VIEWER);
    }

    private MockHttpSession login(String user, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user).password(password))
                .andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void onlyTheHealthEndpointAnswersWithoutLogin() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"status\":\"UP\"")));
        mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/cycles/2026-01-31").accept(MediaType.TEXT_HTML)).andExpect(status().isFound());
        mvc.perform(get("/cycles/2026-01-31/file").param("name", "fees.csv")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/account").param("number", "A002")).andExpect(status().isUnauthorized());
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        mvc.perform(formLogin("/login").user("olive").password("not-her-password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("nobody").password("operator-secret"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/actuator/prometheus").with(httpBasic("olive", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void theRunsPageListsBothJobsWithSecurityHeaders() throws Exception {
        String page = mvc.perform(get("/").session(login("victor", "viewer-secret1")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString(
                        "script-src 'none'")))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("statement-cycle").contains("import-ledger").contains("2026-01-31")
                .contains("COMPLETED").contains("viewer-note");
    }

    @Test
    void aRunLeftRunningByAKilledProcessIsShownAsCrashedWithWhatToDo() throws Exception {
        // What a SIGKILL leaves in the job repository: the cycle's run still STARTED, no end time.
        long cycleRun = jdbc.sql("SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'statement-cycle'").query(Long.class)
                .single();
        var ended = jdbc.sql("SELECT END_TIME FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?").param(cycleRun)
                .query(java.sql.Timestamp.class).single();
        jdbc.sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL WHERE JOB_EXECUTION_ID = ?")
                .param(cycleRun).update();
        try {
            String page = mvc.perform(get("/").session(login("victor", "viewer-secret1"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("CRASHED")
                    .contains("the process stopped while it ran; run scripts/arcycle restart --cycle-date 2026-01-31")
                    .as("a crashed run is not progress to wait for").doesNotContain("Running now")
                    .doesNotContain("http-equiv=\"refresh\"");
        } finally {
            jdbc.sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'COMPLETED', END_TIME = ? WHERE JOB_EXECUTION_ID = ?")
                    .params(ended, cycleRun).update();
        }
    }

    @Test
    void aViewerMayNotStartAnActionAndNoFormWorksWithoutItsCsrfToken() throws Exception {
        MockHttpSession viewer = login("victor", "viewer-secret1");
        mvc.perform(post("/actions/run-cycle").param("cycleDate", "2026-03-02").with(csrf()).session(viewer))
                .andExpect(status().isForbidden());
        mvc.perform(post("/actions/restart").param("cycleDate", "2026-01-31").with(csrf()).session(viewer))
                .andExpect(status().isForbidden());
        MockHttpSession operator = login("olive", "operator-secret");
        mvc.perform(post("/actions/run-cycle").param("cycleDate", "2026-03-02").session(operator))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM console_action WHERE detail LIKE '%2026-03-02%'")
                .query(Long.class).single()).as("nothing was started").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cycle WHERE cycle_date = DATE '2026-03-02'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void anOperatorsActionIsRefusedByTheSameGuardAsTheCommandLineAndRecorded() throws Exception {
        MockHttpSession operator = login("olive", "operator-secret");
        mvc.perform(post("/actions/run-cycle").param("cycleDate", "2026-02-10").with(csrf()).session(operator))
                .andExpect(redirectedUrl("/"));
        var recorded = jdbc.sql("SELECT user_name, action, detail, exit_code, output FROM console_action"
                + " WHERE detail LIKE '%2026-02-10%'").query().singleRow();
        assertThat(recorded.get("user_name")).isEqualTo("olive");
        assertThat(recorded.get("action")).isEqualTo("run-cycle");
        assertThat(recorded.get("exit_code")).isEqualTo(2);
        assertThat((String) recorded.get("output"))
                .contains("is only 10 days after the last completed cycle 2026-01-31");
        String page = mvc.perform(get("/").session(operator)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("run-cycle --cycle-date 2026-02-10").contains("refused").contains("olive");
    }

    @Test
    void theCyclePageTiesOutAndListsTheManifestsFilesStatementsAndDelivery() throws Exception {
        String page = mvc.perform(get("/cycles/2026-01-31").session(login("victor", "viewer-secret1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String manifest = Files.readString(out.resolve("2026-01-31/manifest.json"));
        assertThat(page).contains("Agrees").contains("aged-receivables.csv").contains("fees.csv")
                .contains("statements/A002.pdf").contains("Not delivered").contains("<svg");
        // Every SHA-256 of the manifest is on the page.
        for (var m : java.util.regex.Pattern.compile("\"sha256\" : \"([0-9a-f]{64})\"").matcher(manifest).results()
                .toList()) {
            assertThat(page).contains(m.group(1));
        }
    }

    @Test
    void aFileDownloadsAsTheManifestListsItAndPathsOutOfTheFolderAreRefused() throws Exception {
        MockHttpSession viewer = login("victor", "viewer-secret1");
        byte[] fees = mvc.perform(get("/cycles/2026-01-31/file").param("name", "fees.csv").session(viewer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(fees).isEqualTo(Files.readAllBytes(out.resolve("2026-01-31/fees.csv")));
        for (String name : new String[] {"../2026-01-31/fees.csv", "../../pom.xml", "statements/../../import-rejects.csv",
                "/etc/passwd", ".arcycle-cycle"}) {
            mvc.perform(get("/cycles/2026-01-31/file").param("name", name).session(viewer))
                    .andExpect(status().isBadRequest());
        }
    }

    @Test
    void anAccountIsFoundByNameAndShowsItsItemsStagesAndNotices() throws Exception {
        MockHttpSession viewer = login("victor", "viewer-secret1");
        mvc.perform(get("/accounts").param("q", "slow steady").session(viewer))
                .andExpect(redirectedUrl("/account?number=A002"));
        String page = mvc.perform(get("/account").param("number", "A002").session(viewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Slow Steady Ltd").contains("I-2001").contains("1,200.00").contains("REMINDER")
                .contains("statements/A002.pdf");
        mvc.perform(get("/account").param("number", "NOPE").session(viewer)).andExpect(status().isNotFound());
    }
}
