package dev.vacant.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.cli.VacantCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The CLI's routing between the server and offline commands, and the audit command's exit codes without a store. */
class AuditCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return VacantCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void handles_onlyOfflineSubcommands_soThatNoArgumentsOrSpringOptionsStartTheServer() {
        assertThat(VacantCli.handles(new String[]{"audit", "--jdbc-url", "x"})).isTrue();
        assertThat(VacantCli.handles(new String[]{"help"})).isTrue();
        assertThat(VacantCli.handles(new String[0])).isFalse();
        assertThat(VacantCli.handles(new String[]{"serve"})).isFalse();
        assertThat(VacantCli.handles(new String[]{"--spring.profiles.active=postgres", "--server.port=0"})).isFalse();
    }

    @Test
    void serverArguments_dropsALeadingServe_andKeepsEverythingElse() {
        assertThat(VacantCli.serverArguments(new String[]{"serve", "--server.port=0"})).containsExactly("--server.port=0");
        assertThat(VacantCli.serverArguments(new String[]{"--server.port=0"})).containsExactly("--server.port=0");
        assertThat(VacantCli.serverArguments(new String[0])).isEmpty();
    }

    @Test
    void audit_exitsTwoWithUsage_whenTheUrlIsMissing() {
        assertThat(run("audit", "--json")).isEqualTo(2);
        assertThat(err.toString()).contains("--jdbc-url");
    }

    @Test
    void audit_exitsThree_whenTheDatabaseCannotBeReached() {
        assertThat(run("audit", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none", "--user", "u", "--password", "p"))
                .isEqualTo(3);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("Connection");
    }
}
