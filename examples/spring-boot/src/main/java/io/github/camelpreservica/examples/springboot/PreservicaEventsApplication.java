package io.github.camelpreservica.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that receives Preservica's webhook events. Camel runs inside Spring Boot, the webhook
 * arrives on Spring's own web server (camel-platform-http-starter) and everything is configured in
 * {@code application.properties}, mostly from environment variables.
 */
@SpringBootApplication
public class PreservicaEventsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PreservicaEventsApplication.class, args);
    }
}
