package dev.vacant.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.security.ApiTokens;
import dev.vacant.infra.support.MigratedDatabase;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.testing.PostgresDatabase;
import dev.vacant.kernel.testing.RealPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code vacant token ...} straight on the database: on PostgreSQL by {@code --jdbc-url} and on an embedded store by
 * {@code --data-dir} or its plain path, so a lost operator token can be replaced with no server and no token.
 */
@RealPostgres
class TokenCommandsTest {

    private PostgresDatabase database;
    private ApiTokens tokens;
    private String principal;

    private record Cli(int code, String out, String err) {
    }

    @BeforeEach
    void store(PostgresDatabase database) {
        this.database = database;
        tokens = new ApiTokens(MigratedDatabase.migrate(database.jdbcUrl(), database.user(), database.password()),
                Clock.systemUTC());
        principal = "cli-" + UUID.randomUUID();
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VacantCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    private Cli onPostgres(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--jdbc-url", database.jdbcUrl(), "--user", database.user(), "--password", database.password()));
        return cli(all.toArray(String[]::new));
    }

    @Test
    void create_printsAWorkingSecretOnce_andItsIdOnTheErrorStream() {
        Cli created = onPostgres("token", "create", "--role", "controller", "--controller", principal, "--label", "ci");

        assertThat(created.code()).isEqualTo(VacantCli.OK);
        String token = created.out().strip();
        assertThat(tokens.authenticate(token)).contains(new Actor(principal, Role.CONTROLLER));
        assertThat(created.err()).containsPattern("Issued tok_[0-9a-f]{16} \\(controller " + principal + "\\)");
    }

    @Test
    void create_intoAFile_writesItForItsOwnerOnly_andNeverOverwritesOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("operator.token");

        Cli created = onPostgres("token", "create", "--role", "operator", "--controller", principal, "--out", file.toString());
        Cli again = onPostgres("token", "create", "--role", "operator", "--controller", principal, "--out", file.toString());

        assertThat(created.code()).isEqualTo(VacantCli.OK);
        assertThat(created.out()).isEmpty();
        String token = Files.readString(file).strip();
        assertThat(tokens.authenticate(token)).contains(new Actor(principal, Role.OPERATOR));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(again.code()).isEqualTo(VacantCli.REJECTED);
        assertThat(again.err()).contains("never overwritten");
        assertThat(Files.readString(file).strip()).isEqualTo(token);
        assertThat(tokens.list().stream().filter(info -> info.principal().equals(principal))).hasSize(1);
    }

    @Test
    void list_showsEveryTokenWithoutItsSecret() {
        String token = onPostgres("token", "create", "--role", "operator", "--controller", principal).out().strip();

        Cli listed = onPostgres("token", "list");

        assertThat(listed.code()).isEqualTo(VacantCli.OK);
        assertThat(listed.out()).contains("ID", principal, "OPERATOR").doesNotContain(token);
    }

    @Test
    void revoke_stopsTheToken_andAnUnknownIdIsARejection() {
        Cli created = onPostgres("token", "create", "--role", "controller", "--controller", principal);
        String id = created.err().substring(created.err().indexOf("tok_"), created.err().indexOf("tok_") + 20);

        assertThat(onPostgres("token", "revoke", id).code()).isEqualTo(VacantCli.OK);

        assertThat(tokens.authenticate(created.out().strip())).isEmpty();
        Cli again = onPostgres("token", "revoke", id);
        assertThat(again.code()).isEqualTo(VacantCli.REJECTED);
        assertThat(again.err()).isEqualTo("revoke: rejected: NOT_FOUND: no such token: " + id + System.lineSeparator());
    }

    @Test
    void create_rejectsAnInvalidGrant_andWritesNothing() {
        int before = tokens.list().size();

        Cli refused = onPostgres("token", "create", "--role", "controller");

        assertThat(refused.code()).isEqualTo(VacantCli.REJECTED);
        assertThat(refused.err()).contains("rejected: VALIDATION_FAILED: controller: required");
        assertThat(tokens.list()).hasSize(before);
    }

    @Test
    void aMissingDatabase_isAUsageError() {
        Cli usage = cli("token", "list");

        assertThat(usage.code()).isEqualTo(VacantCli.USAGE);
        assertThat(usage.err()).contains("--jdbc-url", "--data-dir");
    }

    @Test
    void anUnreachableDatabase_failsWithOneLine_andNoStackTrace() {
        Cli failed = cli("token", "list", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none", "--user", "u",
                "--password", "p");

        assertThat(failed.code()).isEqualTo(VacantCli.FAILED);
        assertThat(failed.err()).startsWith("list: failed: Connection to 127.0.0.1:1 refused").hasLineCount(1);
    }

    @Test
    void onAnEmbeddedStore_byDataDirOrPlainPath_replacesALostOperatorToken(@TempDir Path dataDir) {
        JdbcTemplate h2 = MigratedDatabase.migrate(MigratedDatabase.embeddedUrl(dataDir), "sa", "");

        Cli created = cli("token", "create", "--role", "operator", "--data-dir", dataDir.toString());
        Cli listed = cli("token", "list", "--jdbc-url", dataDir.resolve("vacant.mv.db").toString());

        assertThat(created.code()).isEqualTo(VacantCli.OK);
        assertThat(new ApiTokens(h2, Clock.systemUTC()).authenticate(created.out().strip()))
                .contains(new Actor("operator", Role.OPERATOR));
        assertThat(listed.out()).contains("OPERATOR", "operator");
    }

    @Test
    void anEmbeddedStoreThatDoesNotExist_failsWithoutCreatingOne(@TempDir Path dataDir) {
        Cli failed = cli("token", "list", "--data-dir", dataDir.toString());

        assertThat(failed.code()).isEqualTo(VacantCli.FAILED);
        assertThat(failed.err()).hasLineCount(1).contains("not found");
        assertThat(dataDir).isEmptyDirectory();
    }
}
