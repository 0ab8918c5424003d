package com.arcycle.console;

import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.arcycle.users.ConsoleUser;
import com.arcycle.users.ConsoleUsers;

/**
 * Who may see and do what: nothing but the health endpoint without logging in; VIEWER reads every
 * page and file, OPERATOR also starts actions. Form login for people, HTTP Basic for a Prometheus
 * server scraping /actuator/prometheus; CSRF tokens on every form; strict headers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(ConsoleSettings.class)
class ConsoleSecurity {

    static final String OPERATOR = "OPERATOR";

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/console.css", "/error")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/actions/**").hasRole(OPERATOR)
                .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .httpBasic(Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:;"
                                + " script-src 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self';"
                                + " base-uri 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Users of the settings first, then those added with add-user (console_user). */
    @Bean
    UserDetailsService consoleUserDetails(ConsoleSettings settings, ConsoleUsers table) {
        return name -> {
            Optional<ConsoleUser> user = settings.users().stream().filter(u -> u.name().equals(name))
                    .map(u -> new ConsoleUser(u.name(), u.passwordHash(), u.role())).findFirst()
                    .or(() -> table.find(name));
            return user.map(u -> User.withUsername(u.name()).password(u.passwordHash()).roles(u.role().name()).build())
                    .orElseThrow(() -> new UsernameNotFoundException("no console user " + name));
        };
    }
}
