package dev.vacant.infra.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator CLI in the application jar ({@code api.md}). {@code serve} (or no command, or only Spring
 * options) starts the server; the other subcommands run offline, without a Spring context, and exit; the client
 * commands ({@link VacantClientCommands}) call a running server over gRPC.
 */
@Command(name = "vacant", mixinStandardHelpOptions = true,
        description = "Vacant server and operator tools. 'serve' (the default) starts the server.",
        subcommands = {AuditCommand.class, CommandLine.HelpCommand.class})
public final class VacantCli {

    /** The subcommand that starts the server; any arguments after it go to Spring Boot. */
    public static final String SERVE = "serve";

    private VacantCli() {
    }

    /** Whether {@code args} name an offline subcommand (anything else starts the server). */
    public static boolean handles(String[] args) {
        return args.length > 0 && commandLine().getSubcommands().containsKey(args[0]);
    }

    /** Runs an offline subcommand, printing to the standard streams with libraries' logging quietened. */
    public static int execute(String[] args) {
        CliLogging.quiet();
        return execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs an offline subcommand, printing to {@code out} and {@code err}, and answers its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    /** The server's arguments: {@code args} without a leading {@code serve}. */
    public static String[] serverArguments(String[] args) {
        return args.length > 0 && SERVE.equals(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args;
    }

    private static CommandLine commandLine() {
        return VacantClientCommands.addTo(new CommandLine(new VacantCli()));
    }
}
