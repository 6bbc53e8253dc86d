package dev.vacant.infra;

import dev.vacant.infra.cli.VacantCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Vacant server: REST adapters over the Axon command and query sides, on H2 or PostgreSQL. Offline operator
 * subcommands ({@link VacantCli}) run without starting it.
 */
@SpringBootApplication(scanBasePackages = "dev.vacant")
@ConfigurationPropertiesScan
public class VacantApplication {

    public static void main(String[] args) {
        if (VacantCli.handles(args)) {
            System.exit(VacantCli.execute(args));
        }
        SpringApplication.run(VacantApplication.class, VacantCli.serverArguments(args));
    }
}
