package dev.vacant.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Vacant server: REST adapters over the Axon command and query sides, on H2 or PostgreSQL. */
@SpringBootApplication(scanBasePackages = "dev.vacant")
@ConfigurationPropertiesScan
public class VacantApplication {

    public static void main(String[] args) {
        SpringApplication.run(VacantApplication.class, args);
    }
}
