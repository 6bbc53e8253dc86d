package dev.vacant.kernel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class PostgresResolverTest {

    private static final PostgresDatabase CONTAINER = new PostgresDatabase("jdbc:postgresql://container/test", "test", "test");
    private static final BooleanSupplier DOCKER_MUST_NOT_BE_ASKED = () -> {
        throw new AssertionError("Docker must not be asked when the variables are set");
    };
    private static final PostgresDatabase EMBEDDED = new PostgresDatabase("jdbc:postgresql://localhost:5555/postgres", "postgres", "");
    private static final Supplier<PostgresDatabase> CONTAINER_MUST_NOT_START = () -> {
        throw new AssertionError("no container may start");
    };
    private static final Supplier<PostgresDatabase> EMBEDDED_MUST_NOT_START = () -> {
        throw new AssertionError("no embedded database may start");
    };

    @Test
    void resolve_usesTheVariables_whenTheUrlIsSet() {
        Map<String, String> env = Map.of(
                "VACANT_TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/vacant_test",
                "VACANT_TEST_JDBC_USER", "ci",
                "VACANT_TEST_JDBC_PASSWORD", "secret");

        PostgresDatabase database = PostgresResolver.resolve(env, DOCKER_MUST_NOT_BE_ASKED, CONTAINER_MUST_NOT_START,
                EMBEDDED_MUST_NOT_START);

        assertThat(database).isEqualTo(new PostgresDatabase("jdbc:postgresql://127.0.0.1:5432/vacant_test", "ci", "secret"));
    }

    @Test
    void resolve_defaultsUserAndPassword_whenOnlyTheUrlIsSet() {
        Map<String, String> env = Map.of("VACANT_TEST_JDBC_URL", "jdbc:postgresql://db/x");

        PostgresDatabase database = PostgresResolver.resolve(env, DOCKER_MUST_NOT_BE_ASKED, CONTAINER_MUST_NOT_START,
                EMBEDDED_MUST_NOT_START);

        assertThat(database).isEqualTo(new PostgresDatabase("jdbc:postgresql://db/x", "postgres", ""));
    }

    @Test
    void resolve_startsAContainer_whenNoUrlIsSetAndDockerAnswers() {
        PostgresDatabase database = PostgresResolver.resolve(Map.of("VACANT_TEST_JDBC_URL", " "), () -> true, () -> CONTAINER,
                EMBEDDED_MUST_NOT_START);

        assertThat(database).isEqualTo(CONTAINER);
    }

    @Test
    void resolve_startsTheEmbeddedDatabase_whenNeitherUrlNorDockerIsAvailable() {
        PostgresDatabase database = PostgresResolver.resolve(Map.of(), () -> false, CONTAINER_MUST_NOT_START, () -> EMBEDDED);

        assertThat(database).isEqualTo(EMBEDDED);
    }

    @Test
    void embeddedDatabase_refusesRootExplainingEveryOption() {
        assertThatThrownBy(() -> PostgresEmbeddedDatabase.refuseUser("root"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContainingAll("VACANT_TEST_JDBC_URL", "VACANT_TEST_JDBC_USER", "VACANT_TEST_JDBC_PASSWORD",
                        "Docker", "root", ".ci/run");
    }

    @Test
    void embeddedDatabase_acceptsAnOrdinaryUser() {
        assertThatCode(() -> PostgresEmbeddedDatabase.refuseUser("builder")).doesNotThrowAnyException();
    }
}
