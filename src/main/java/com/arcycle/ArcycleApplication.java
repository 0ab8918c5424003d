package com.arcycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ArcycleApplication {
    public static void main(String[] args) {
        SpringApplication.run(ArcycleApplication.class, args);
    }
}
