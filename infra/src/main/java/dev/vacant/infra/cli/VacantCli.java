package dev.vacant.infra.cli;

import dev.vacant.kernel.error.VacantException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.springframework.boot.SpringApplication.AbandonedRunException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The operator CLI in the application jar ({@code docs/api.md}). {@code serve} starts the server and is the default:
 * no arguments, or arguments that begin with an option this command does not know (Spring options such as
 * {@code --server.port=8081}) mean {@code serve}. Every other command runs offline, without a Spring context, and
 * exits; so do {@code --help}, {@code -h}, {@code --version} and {@code -V}, at any level.
 * <p>
 * One class per command group: a new group is one more entry in {@code subcommands}. Exit codes are shared:
 * {@link #OK}, {@link #FINDINGS}, {@link #USAGE}, {@link #FAILED}, {@link #REJECTED}; a command that fails prints one
 * line, never a stack trace.
 * <p>
 * The client commands ({@link VacantClientCommands}) call a running server over gRPC.
 */
@Command(name = "vacant", mixinStandardHelpOptions = true, versionProvider = VacantCli.Version.class,
        description = "Vacant server and operator tools. 'serve' (the default) starts the server.",
        subcommands = {ServeCommand.class, TokenCommands.class, AuditCommand.class, CheckpointCommand.class,
                       WitnessCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:findings (audit)", "2:usage error", "3:failed (could not run)",
                        "4:rejected (with its error code)"})
public final class VacantCli {

    /** The command did what it was asked. */
    public static final int OK = 0;
    /** A check ran and found something: {@code audit}'s verification failures or projection differences. */
    public static final int FINDINGS = 1;
    /** The command line was wrong; the usage is printed. */
    public static final int USAGE = 2;
    /** The command could not run (unreachable database, missing store). */
    public static final int FAILED = 3;
    /** The request was refused by a rule, with its error code (an invalid grant, an unknown token id). */
    public static final int REJECTED = 4;

    /** Starts the server with the arguments meant for Spring Boot. */
    final Consumer<String[]> server;

    private VacantCli(Consumer<String[]> server) {
        this.server = server;
    }

    /**
     * Runs {@code args} on the standard streams, with libraries' logging quietened unless the server starts; answers
     * the exit code, or nothing once the server is running (the process must then stay up).
     */
    public static OptionalInt main(String[] args, Consumer<String[]> server) {
        if (onlySpringProperties(args)) {
            return serve(args, server, new PrintWriter(System.err, true));
        }
        boolean[] serving = {false};
        int code = execute(args, springArguments -> {
            server.accept(springArguments);
            serving[0] = true;
        }, new PrintWriter(System.out, true), new PrintWriter(System.err, true), true);
        return serving[0] ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /**
     * Whether {@code args} are only Spring properties ({@code --name.with.dots=value}) or none: they name no command
     * and no option of this CLI, so parsing would route them to {@code serve} unchanged. {@link #main} then starts the
     * server without building the command line, which spares a start picocli's model of every command (picocli's
     * classes are Java 5 class files, which class-data sharing never archives: {@code docs/performance.md}).
     */
    static boolean onlySpringProperties(String[] args) {
        return Arrays.stream(args).allMatch(arg -> arg.startsWith("--") && arg.indexOf('=') > 2
                && arg.substring(0, arg.indexOf('=')).contains("."));
    }

    /** {@code serve} without parsing: starts the server with {@code args}; a failed start is reported as it reports it. */
    static OptionalInt serve(String[] args, Consumer<String[]> server, PrintWriter err) {
        try {
            server.accept(args);
            return OptionalInt.empty();
        } catch (AbandonedRunException e) {
            throw e; // the build's AOT processing ends the run here, once the context is prepared
        } catch (RuntimeException e) {
            return OptionalInt.of(failed(ServeCommand.NAME, e, err));
        }
    }

    /** Runs {@code args}, printing to {@code out} and {@code err}, and answers the exit code. */
    public static int execute(String[] args, Consumer<String[]> server, PrintWriter out, PrintWriter err) {
        return execute(args, server, out, err, false);
    }

    /** Runs an offline command (one that never starts the server), printing to {@code out} and {@code err}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, springArguments -> {
            throw new IllegalStateException("not an offline command: " + String.join(" ", args));
        }, out, err);
    }

    private static int execute(String[] args, Consumer<String[]> server, PrintWriter out, PrintWriter err,
                               boolean quietLogging) {
        CommandLine cli = VacantClientCommands.addTo(new CommandLine(new VacantCli(server))).setOut(out).setErr(err)
                .setExecutionExceptionHandler(VacantCli::failed);
        String[] routed = withDefaultCommand(cli, args);
        if (quietLogging && !ServeCommand.NAME.equals(routed[0])) {
            CliLogging.quiet();
        }
        return cli.execute(routed);
    }

    /** {@code args} with {@code serve} in front when they name no command and no option of this one. */
    static String[] withDefaultCommand(CommandLine cli, String[] args) {
        if (args.length > 0 && (!args[0].startsWith("-") || cli.getCommandSpec().findOption(args[0]) != null)) {
            return args; // a command (an unknown one is a usage error, not a server start) or this command's option
        }
        List<String> routed = new ArrayList<>(List.of(ServeCommand.NAME));
        routed.addAll(Arrays.asList(args));
        return routed.toArray(String[]::new);
    }

    /** A command failed: one line on the error stream; a rejection exits {@link #REJECTED}, anything else {@link #FAILED}. */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        return failed(command.getCommandName(), e, command.getErr());
    }

    private static int failed(String commandName, Exception e, PrintWriter err) {
        if (e instanceof VacantException rejection) {
            err.println(commandName + ": rejected: " + rejection.code() + ": " + reason(e));
        } else {
            err.println(commandName + ": failed: " + reason(e));
        }
        err.flush();
        return e instanceof VacantException ? REJECTED : FAILED;
    }

    /** The most telling message of {@code e}: its innermost SQL error's, else its own. */
    private static String reason(Throwable e) {
        String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException && cause.getMessage() != null) {
                reason = cause.getMessage();
            }
        }
        return reason.lines().findFirst().orElse(reason);
    }

    /** The version of the application jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = VacantCli.class.getPackage().getImplementationVersion();
            return new String[]{"vacant " + (version != null ? version : "(development build)")};
        }
    }
}
