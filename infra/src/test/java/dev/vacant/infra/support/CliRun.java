package dev.vacant.infra.support;

import dev.vacant.infra.cli.VacantCli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of an offline CLI subcommand: its exit code and what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VacantCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
