package dev.vacant.infra.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/** {@code vacant serve [spring options]}: starts the server; every argument goes to Spring Boot. */
@Command(name = ServeCommand.NAME, mixinStandardHelpOptions = true,
        description = "Start the server (the default command). Other arguments go to Spring Boot, "
                + "e.g. --spring.profiles.active=postgres --server.port=8081.")
public final class ServeCommand implements Runnable {

    static final String NAME = "serve";

    @ParentCommand
    VacantCli cli;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public void run() {
        cli.server.accept(springArguments.toArray(String[]::new));
    }
}
