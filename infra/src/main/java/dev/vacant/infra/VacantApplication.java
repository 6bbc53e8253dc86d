package dev.vacant.infra;

import dev.vacant.infra.cli.VacantCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Vacant server: REST adapters over the Axon command and query sides, on H2 or PostgreSQL. The command line is
 * the operator CLI ({@link VacantCli}): {@code serve}, its default, starts this application; the other commands run
 * without starting it and exit.
 * <p>
 * Components are scanned only where they live: the kernel has none and the generated gRPC code
 * ({@code dev.vacant.grpc}) is half of the classes a scan of {@code dev.vacant} would read at every start
 * ({@code ArchitectureTest} keeps every component inside these packages).
 */
@SpringBootApplication(scanBasePackages = {"dev.vacant.infra", "dev.vacant.command", "dev.vacant.query"})
@ConfigurationPropertiesScan
public class VacantApplication {

    public static void main(String[] args) {
        VacantCli.main(args, VacantApplication::run)
                .ifPresent(System::exit);
    }

    /**
     * The server's Spring application. Its main class is named, not found on the stack (where the CLI's {@code main}
     * is), since AOT mode looks up the build's generated context by it.
     */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(VacantApplication.class);
        application.setMainApplicationClass(VacantApplication.class);
        return application;
    }

    private static void run(String[] args) {
        application().run(args);
    }
}
