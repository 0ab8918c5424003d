package com.arcycle.policy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyProperties.class)
class PolicyConfiguration {

    /** Built, and so validated, when the application starts: a bad setting stops the program. */
    @Bean
    CollectionPolicy collectionPolicy(PolicyProperties properties) {
        return properties.toPolicy();
    }
}
