package dev.vacant.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication.AbandonedRunException;

/** The CLI's routing: what starts the server (with which arguments), what prints and exits, and the exit codes. */
class VacantCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<List<String>> serverStarts = new ArrayList<>();

    private int run(String... args) {
        return VacantCli.execute(args, springArguments -> serverStarts.add(List.of(springArguments)),
                new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help", "serve --help", "serve -h", "token --help", "token create -h",
                            "audit --help"})
    void help_printsUsageAndExitsZero_withoutStartingTheServer(String args) {
        assertThat(run(args.split(" "))).isZero();

        assertThat(serverStarts).isEmpty();
        assertThat(out.toString()).contains("Usage:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-V", "--version"})
    void version_printsAndExitsZero_withoutStartingTheServer(String option) {
        assertThat(run(option)).isZero();

        assertThat(serverStarts).isEmpty();
        assertThat(out.toString()).startsWith("vacant ");
    }

    @Test
    void rootHelp_listsTheCommandsAndTheExitCodes() {
        run("--help");

        assertThat(out.toString()).contains("serve", "token", "audit", "Exit codes:", "2   usage error", "4   rejected");
    }

    @Test
    void noArguments_startTheServer() {
        assertThat(run()).isZero();

        assertThat(serverStarts).containsExactly(List.of());
    }

    @Test
    void springOptions_startTheServer_withEveryArgument() {
        run("--spring.profiles.active=postgres", "--server.port=0");

        assertThat(serverStarts).containsExactly(List.of("--spring.profiles.active=postgres", "--server.port=0"));
    }

    @Test
    void serve_startsTheServer_withTheArgumentsAfterIt() {
        run("serve", "--server.port=0", "--vacant.data-dir=./x");

        assertThat(serverStarts).containsExactly(List.of("--server.port=0", "--vacant.data-dir=./x"));
    }

    @Test
    void anUnknownCommand_isAUsageError_andStartsNothing() {
        assertThat(run("bogus")).isEqualTo(VacantCli.USAGE);

        assertThat(serverStarts).isEmpty();
        assertThat(err.toString()).contains("bogus");
    }

    @Test
    void aServerThatFailsToStart_exitsFailed_withOneLineAndNoStackTrace() {
        int code = VacantCli.execute(new String[0], springArguments -> {
            throw new IllegalStateException("port 8080 is in use");
        }, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).isEqualTo(VacantCli.FAILED);
        assertThat(err.toString()).isEqualTo("serve: failed: port 8080 is in use" + System.lineSeparator());
    }

    @Test
    void springPropertiesOnly_areTold_fromAnythingTheCommandLineMustParse() {
        assertThat(VacantCli.onlySpringProperties(new String[0])).isTrue();
        assertThat(VacantCli.onlySpringProperties(new String[]{"--server.port=0", "--vacant.data-dir=./x=y"})).isTrue();
        for (String args : List.of("serve", "--help", "--version=1", "--debug", "--server.port=0 --help",
                "--server.port=0 serve", "--server.port=0 -h", "-Dx.y=1", "--=x.y", "@args.txt", "--server.port")) {
            assertThat(VacantCli.onlySpringProperties(args.split(" "))).as(args).isFalse();
        }
    }

    @Test
    void main_startsTheServerWithSpringPropertiesOnly_withoutParsingThem() {
        List<Boolean> parsed = new ArrayList<>();
        Consumer<String[]> server = springArguments -> {
            serverStarts.add(List.of(springArguments));
            parsed.add(StackWalker.getInstance().walk(frames -> frames.anyMatch(frame -> frame.getClassName()
                    .startsWith("picocli."))));
        };

        assertThat(VacantCli.main(new String[0], server)).isEmpty();
        assertThat(VacantCli.main(new String[]{"--server.port=0", "--vacant.data-dir=./x"}, server)).isEmpty();
        assertThat(VacantCli.main(new String[]{"serve", "--server.port=0"}, server)).isEmpty();

        assertThat(serverStarts).containsExactly(List.of(), List.of("--server.port=0", "--vacant.data-dir=./x"),
                List.of("--server.port=0"));
        assertThat(parsed).containsExactly(false, false, true);
    }

    @Test
    void aServerThatFailsToStart_withoutParsing_exitsFailed_withTheSameLine() {
        OptionalInt code = VacantCli.serve(new String[]{"--server.port=8080"}, springArguments -> {
            throw new IllegalStateException("port 8080 is in use");
        }, new PrintWriter(err, true));

        assertThat(code).hasValue(VacantCli.FAILED);
        assertThat(err.toString()).isEqualTo("serve: failed: port 8080 is in use" + System.lineSeparator());
    }

    @Test
    void theBuildsAotProcessingEndingTheRun_goesThrough_toTheBuildThatEndedIt() {
        assertThatThrownBy(() -> VacantCli.serve(new String[0], springArguments -> {
            throw new AbandonedRunException();
        }, new PrintWriter(err, true))).isInstanceOf(AbandonedRunException.class);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void main_answersNoExitCode_onceTheServerRuns_andTheCodeOfAnyOtherCommand() {
        assertThat(VacantCli.main(new String[]{"--server.port=0"}, springArguments -> { })).isEmpty();
        assertThat(VacantCli.main(new String[]{"bogus"}, springArguments -> { })).hasValue(VacantCli.USAGE);
    }
}
