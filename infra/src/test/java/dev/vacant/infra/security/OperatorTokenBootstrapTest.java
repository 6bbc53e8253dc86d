package dev.vacant.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.audit.DedicatedDatabase;
import dev.vacant.infra.support.MigratedDatabase;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.testing.PostgresDatabase;
import dev.vacant.kernel.testing.RealPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The first-start operator token: written once, never over an existing file. The embedded default (H2 in the data
 * directory) and the {@code postgres} profile (a fresh PostgreSQL database) run in the same folder, as README's steps do.
 */
@RealPostgres
@ExtendWith({DedicatedDatabase.class, OutputCaptureExtension.class})
class OperatorTokenBootstrapTest {

    @TempDir
    Path dataDir;

    private ApiTokens embedded;
    private ApiTokens postgres;

    @BeforeEach
    void twoStores() {
        embedded = new ApiTokens(MigratedDatabase.migrate(MigratedDatabase.embeddedUrl(dataDir), "sa", ""),
                Clock.systemUTC());
        PostgresDatabase fresh = DedicatedDatabase.of(OperatorTokenBootstrapTest.class);
        postgres = new ApiTokens(MigratedDatabase.migrate(fresh.jdbcUrl(), fresh.user(), fresh.password()),
                Clock.systemUTC());
    }

    private Path tokenFile() {
        return dataDir.resolve("operator.token");
    }

    private void bootstrap(ApiTokens tokens) throws IOException {
        new OperatorTokenBootstrap(tokens, dataDir).run(new DefaultApplicationArguments());
    }

    @Test
    void run_writesAWorkingOperatorTokenReadableOnlyByItsOwner_onFirstStart() throws IOException {
        bootstrap(embedded);

        String token = Files.readString(tokenFile(), StandardCharsets.US_ASCII).strip();
        assertThat(embedded.authenticate(token)).contains(new Actor("operator", Role.OPERATOR));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile()))).isEqualTo("rw-------");
    }

    @Test
    void run_keepsTheFile_whenTheDatabaseAlreadyHasAnOperator() throws IOException {
        bootstrap(embedded);
        String first = Files.readString(tokenFile());

        bootstrap(embedded);

        assertThat(Files.readString(tokenFile())).isEqualTo(first);
        assertThat(embedded.list()).hasSize(1);
    }

    @Test
    void postgresProfile_refusesToOverwriteTheEmbeddedDefaultsTokenFile_andSaysHowToIssueOne(CapturedOutput output)
            throws IOException {
        bootstrap(embedded);
        String embeddedToken = Files.readString(tokenFile());

        bootstrap(postgres);

        assertThat(Files.readString(tokenFile())).isEqualTo(embeddedToken);
        assertThat(embedded.authenticate(embeddedToken.strip())).isPresent();
        assertThat(postgres.hasOperator()).isFalse();
        assertThat(output.getOut()).contains("already exists", "token create --role operator --jdbc-url");
    }

    @Test
    void run_refusesToReplaceAnyExistingFile_evenOneItDidNotWrite() throws IOException {
        Files.writeString(tokenFile(), "kept\n");

        bootstrap(postgres);

        assertThat(Files.readString(tokenFile())).isEqualTo("kept\n");
        assertThat(postgres.hasOperator()).isFalse();
    }
}
