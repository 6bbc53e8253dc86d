package dev.vacant.kernel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenGrantTest {

    @Test
    void of_readsAControllerToken_inAnyCase() {
        assertThat(TokenGrant.of("Controller", "alice", "laptop"))
                .isEqualTo(new TokenGrant(Role.CONTROLLER, "alice", "laptop"));
    }

    @Test
    void of_namesTheOperatorPrincipal_whenAnOperatorTokenNamesNone() {
        assertThat(TokenGrant.of("operator", null, null)).isEqualTo(new TokenGrant(Role.OPERATOR, "operator", null));
        assertThat(TokenGrant.of("OPERATOR", "ops-2", null).principal()).isEqualTo("ops-2");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "NULL", value = {
            "NULL,       alice,        role: operator or controller is required",
            "admin,      alice,        role: must be operator or controller",
            "controller, NULL,         controller: required",
            "controller, '',           controller: required",
            "controller, al ice,       controller: no whitespace or control characters",
            "operator,   '',           principal: required"})
    void of_rejectsWithValidationFailed_andItsReason(String role, String controller, String reason) {
        assertThatThrownBy(() -> TokenGrant.of(role, controller, null))
                .isInstanceOfSatisfying(VacantException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.getMessage()).isEqualTo(reason);
                });
    }

    @Test
    void rejects_tooLongPrincipalsAndLabels_andControlCharactersInLabels() {
        assertThatThrownBy(() -> TokenGrant.of("controller", "a".repeat(TokenGrant.MAX_PRINCIPAL + 1), null))
                .hasMessage("controller: at most 128 characters");
        assertThatThrownBy(() -> TokenGrant.of("controller", "alice", "x".repeat(TokenGrant.MAX_LABEL + 1)))
                .hasMessageStartingWith("label:");
        assertThatThrownBy(() -> TokenGrant.of("controller", "alice", "a\nb")).hasMessageStartingWith("label:");
        assertThat(TokenGrant.of("controller", "a".repeat(TokenGrant.MAX_PRINCIPAL), "x".repeat(TokenGrant.MAX_LABEL)))
                .isNotNull();
    }
}
