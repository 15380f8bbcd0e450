package io.hussh.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application with one hussh: route; the component's defaults come from application.properties. */
@SpringBootApplication
public class HusshSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(HusshSpringBootApplication.class, args);
    }
}
