package dev.vacant.infra.task.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.task.GateSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: allowlist, no shell, working directory, timeout and output cap. */
class LocalCommandRunnerTest {

    @TempDir
    Path directory;
    private final ExecutorService readers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        readers.shutdownNow();
    }

    private LocalCommandRunner runner(boolean enabled, Duration timeout, int cap) {
        return new LocalCommandRunner(new GateSettings(Set.of(), 1_000_000, 65_536, enabled,
                Set.of("echo", "ls", "sleep", "seq", "false")), directory, timeout, cap, readers);
    }

    @Test
    void aProgramNotOnTheAllowlist_isRefused_andNothingRuns() {
        Path marker = directory.resolve("marker");
        assertThatThrownBy(() -> runner(true, Duration.ofSeconds(5), 1000).run(List.of("touch", marker.toString())))
                .isInstanceOfSatisfying(VacantException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.COMMAND_NOT_ALLOWED));
        assertThat(marker).doesNotExist();
    }

    @Test
    void localModeDisabled_refusesEvenAnAllowlistedProgram() {
        assertThatThrownBy(() -> runner(false, Duration.ofSeconds(5), 1000).run(List.of("echo", "hi")))
                .isInstanceOfSatisfying(VacantException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.COMMAND_NOT_ALLOWED));
    }

    @Test
    void arguments_reachTheProgramAsIs_withoutAShell() {
        LocalCommandRunner.Outcome outcome = runner(true, Duration.ofSeconds(5), 1000)
                .run(List.of("echo", "$HOME;", "`id`", "&&", "*"));

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.taskOutput()).isEqualTo("$HOME; `id` && *\n");
    }

    @Test
    void theCommand_runsInTheWorkingDirectory() throws Exception {
        Files.writeString(directory.resolve("only-here.txt"), "x");

        assertThat(runner(true, Duration.ofSeconds(5), 1000).run(List.of("ls")).output()).isEqualTo("only-here.txt\n");
    }

    @Test
    void aCommandPastTheTimeout_isKilled_andReportedAsAnError() {
        long start = System.nanoTime();
        LocalCommandRunner.Outcome outcome = runner(true, Duration.ofMillis(300), 1000).run(List.of("sleep", "30"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.taskOutput()).startsWith("error: timed out");
    }

    @Test
    void output_isCutAtTheCap_andTheCommandStillEnds() {
        LocalCommandRunner.Outcome outcome = runner(true, Duration.ofSeconds(10), 100).run(List.of("seq", "100000"));

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.truncated()).isTrue();
        assertThat(outcome.output()).hasSize(100).startsWith("1\n2\n3\n");
    }

    @Test
    void aNonZeroExit_isAnErrorOutput() {
        LocalCommandRunner.Outcome outcome = runner(true, Duration.ofSeconds(5), 100).run(List.of("false"));

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.taskOutput()).startsWith("error: exit status 1");
    }
}
