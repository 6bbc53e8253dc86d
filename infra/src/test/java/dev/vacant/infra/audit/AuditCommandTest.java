package dev.vacant.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.cli.VacantCli;
import dev.vacant.infra.support.MigratedDatabase;
import dev.vacant.kernel.audit.StoredHistory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit command's exit codes without a store, and the audit of an embedded (H2) store named by its plain path or by
 * the application's own URL, with its progress bar.
 */
class AuditCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return VacantCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
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

    @Test
    void audit_verifiesAnEmbeddedStore_byItsPlainPathOrTheApplicationsUrl_withAProgressBar(@TempDir Path dataDir) {
        JdbcTemplate h2 = MigratedDatabase.migrate(MigratedDatabase.embeddedUrl(dataDir), "sa", "");
        AxonRows.insert(h2, StoredHistory.interleaved(3, 4));

        assertThat(run("audit", "--no-projections", "--jdbc-url", dataDir.toString())).as(err.toString()).isZero();
        assertThat(run("audit", "--no-projections", "--no-progress", "--jdbc-url",
                MigratedDatabase.embeddedUrl(dataDir))).isZero();

        assertThat(out.toString()).contains("12");
        assertThat(err.toString()).contains("[" + "#".repeat(30) + "] 100%  12/12 events").doesNotContain("Exception");
    }

    @Test
    void audit_failsWithOneLine_whenTheEmbeddedStoreIsMissing(@TempDir Path dataDir) {
        assertThat(run("audit", "--data-dir", dataDir.toString())).isEqualTo(VacantCli.FAILED);

        assertThat(err.toString()).startsWith("audit: failed: ").hasLineCount(1);
    }
}
