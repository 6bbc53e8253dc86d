package dev.vacant.infra.task.execution;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.task.GateSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a {@code local} task's command ({@code tasks.md} step 5): the program ({@code command[0]}) must be on the
 * allowlist and local mode enabled, checked again at run time ({@code COMMAND_NOT_ALLOWED}); it runs without a shell
 * (the argument vector as is, so {@code $HOME} or {@code ;} mean nothing), in the working directory, with only
 * {@code PATH} in its environment, stdin closed and stderr merged into stdout. A command running past the timeout is
 * killed with its descendants; only the first {@code outputCapBytes} bytes of its output are kept (the rest is read
 * and dropped, so the command never blocks on a full pipe).
 */
public final class LocalCommandRunner {

    private static final Duration DRAIN_PATIENCE = Duration.ofSeconds(5);

    private final GateSettings gate;
    private final Path workingDirectory;
    private final Duration timeout;
    private final int outputCapBytes;
    private final Executor readers;

    /**
     * @param gate    the local mode switch and the allowlist
     * @param readers drains the commands' output (a thread per running command)
     */
    public LocalCommandRunner(GateSettings gate, Path workingDirectory, Duration timeout, int outputCapBytes,
                              Executor readers) {
        this.gate = gate;
        this.workingDirectory = workingDirectory;
        this.timeout = timeout;
        this.outputCapBytes = outputCapBytes;
        this.readers = readers;
    }

    /** Runs {@code command}; fails {@code COMMAND_NOT_ALLOWED} without running anything when it may not run. */
    public Outcome run(List<String> command) {
        if (!gate.localEnabled() || command.isEmpty() || !gate.allowedCommands().contains(command.get(0))) {
            throw new VacantException(ErrorCode.COMMAND_NOT_ALLOWED, "the command's program is not on the allowlist",
                    Map.of("program", command.isEmpty() ? "" : command.get(0)));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        String path = System.getenv("PATH");
        builder.environment().clear();
        if (path != null) {
            builder.environment().put("PATH", path);
        }
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            return new Outcome(-1, "", false, false, "could not start: " + e.getMessage());
        }
        CompletableFuture<Captured> output = CompletableFuture.supplyAsync(() -> capture(process.getInputStream()),
                readers);
        boolean timedOut = !waitFor(process);
        if (timedOut) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        Captured captured = drained(output);
        return new Outcome(timedOut ? -1 : process.exitValue(), captured.text(), captured.truncated(), timedOut,
                null);
    }

    private boolean waitFor(Process process) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Captured drained(CompletableFuture<Captured> output) {
        try {
            return output.get(DRAIN_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Captured("", true);
        } catch (ExecutionException | TimeoutException e) {
            return new Captured("", true);
        }
    }

    private Captured capture(InputStream in) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean truncated = false;
        try (in) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                int room = outputCapBytes - kept.size();
                kept.write(buffer, 0, Math.min(room, read));
                truncated |= read > room;
            }
        } catch (IOException e) {
            truncated = true;
        }
        return new Captured(kept.toString(StandardCharsets.UTF_8), truncated);
    }

    private record Captured(String text, boolean truncated) {
    }

    /**
     * How a command ended.
     *
     * @param exitCode  its exit status, -1 when it was killed or never started
     * @param output    what it printed (stdout and stderr), at most the cap, decoded as UTF-8
     * @param truncated whether output past the cap was dropped
     * @param timedOut  whether it was killed at the timeout
     * @param failure   why it could not start, if it could not
     */
    public record Outcome(int exitCode, String output, boolean truncated, boolean timedOut, String failure) {

        /** Whether it ran to a zero exit. */
        public boolean succeeded() {
            return failure == null && !timedOut && exitCode == 0;
        }

        /** The task's output: what it printed, prefixed by an {@code error:} line unless it succeeded. */
        public String taskOutput() {
            if (failure != null) {
                return "error: " + failure;
            }
            if (timedOut) {
                return "error: timed out\n" + output;
            }
            return exitCode == 0 ? output : "error: exit status " + exitCode + "\n" + output;
        }
    }
}
