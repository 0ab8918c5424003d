package com.arcycle.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.arcycle.testing.TestDatabase;
import com.arcycle.users.ConsoleUsers;
import com.arcycle.users.Role;

/**
 * The console's session time-out in the real web server (Tomcat, as `scripts/arcycle console`
 * runs it): the setting is the sessions' time-out, and a session idle past it must log in again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet", "arcycle.console.session-timeout=7m" })
class ConsoleSessionTimeoutIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.h2(registry, "console-session");
    }

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    ConsoleUsers users;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSessionIdlePastTheTimeOutMustLogInAgain() throws Exception {
        users.save("tess", "timeout-secret".toCharArray(), Role.VIEWER);
        HttpResponse<String> loginPage = get("/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).as(loginPage.body()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=tess&password=timeout-secret&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
        assertThat(get("/").statusCode()).as("logged in").isEqualTo(200);

        Session session = session();
        assertThat(session.getMaxInactiveInterval()).as("the setting's 7 minutes, in seconds").isEqualTo(420);

        // Seven idle minutes are too long for a test: the same session given one second instead.
        session.setMaxInactiveInterval(1);
        Thread.sleep(2500);
        HttpResponse<String> after = get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    /** The server's session for this browser's cookie. */
    private Session session() throws Exception {
        String id = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        Context web = (Context) Arrays.stream(((TomcatWebServer) context.getWebServer()).getTomcat().getHost()
                .findChildren()).findFirst().orElseThrow();
        Session session = web.getManager().findSession(id);
        assertThat(session).as("session " + id).isNotNull();
        return session;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + context.getWebServer().getPort() + path);
    }
}
