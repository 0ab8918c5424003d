package com.arcycle.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Says where the console is once it serves, and that nobody can log in before a user is added. */
@Component
@ConditionalOnWebApplication
class ConsoleStarted implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ConsoleStarted.class);

    private final String address;
    private final ConsoleSettings settings;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ConsoleStarted(@Value("${server.address:127.0.0.1}") String address, ConsoleSettings settings,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.address = address;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String host = address.contains(":") ? "[" + address + "]" : address;
        // Printed, as the commands print what they do; the log keeps it too.
        String serving = "The console serves http://" + host + ":" + event.getWebServer().getPort()
                + "/ (stop it with Ctrl-C)";
        System.out.println(serving);
        log.info(serving);
        long users = settings.users().size()
                + jdbc.sql("SELECT COUNT(*) FROM console_user").query(Long.class).single();
        if (users == 0) {
            System.out.println("No console user yet: add one with scripts/arcycle add-user --name NAME --role OPERATOR");
        }
    }
}
