package dev.vacant.infra;

import dev.vacant.infra.cli.VacantCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Vacant server: REST adapters over the Axon command and query sides, on H2 or PostgreSQL. The command line is
 * the operator CLI ({@link VacantCli}): {@code serve}, its default, starts this application; the other commands run
 * without starting it and exit.
 */
@SpringBootApplication(scanBasePackages = "dev.vacant")
@ConfigurationPropertiesScan
public class VacantApplication {

    public static void main(String[] args) {
        VacantCli.main(args, serverArguments -> SpringApplication.run(VacantApplication.class, serverArguments))
                .ifPresent(System::exit);
    }
}
