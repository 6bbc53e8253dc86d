package dev.vacant.kernel.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TupleRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "work", "lane-1.b_c", "0", "composite.x-y"})
    void name_acceptsLowercaseLettersDigitsDotsUnderscoresAndHyphens(String name) {
        assertThat(TupleRules.name("lane", name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Work", "two words", "lane:1", "lane/1", "läne", "x\u0080"})
    void name_isRejectedNamingTheField_otherwise(String name) {
        assertRejected(() -> TupleRules.name("lane", name), "lane: must match [a-z0-9._-]{1,64}");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64})
    void nameAndOpId_acceptOneTo64Characters(int length) {
        assertThat(TupleRules.name("lane", "n".repeat(length))).hasSize(length);
        assertThat(TupleRules.opId("O".repeat(length))).hasSize(length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"op-1", "Op:2024.01_x", "A", "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"})
    void opId_acceptsLettersDigitsDotsUnderscoresColonsAndHyphens(String opId) {
        assertThat(TupleRules.opId(opId)).isEqualTo(opId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "op 1", "op/1", "op#1", "öp"})
    void opId_isRejected_otherwise(String opId) {
        assertRejected(() -> TupleRules.opId(opId), "op_id: must match [A-Za-z0-9._:-]{1,64}");
    }

    @Test
    void nameAndOpId_areRejected_whenMissingOrLongerThan64() {
        assertRejected(() -> TupleRules.name("lane", "n".repeat(65)), "lane: must match [a-z0-9._-]{1,64}");
        assertRejected(() -> TupleRules.opId("o".repeat(65)), "op_id: must match [A-Za-z0-9._:-]{1,64}");
        assertRejected(() -> TupleRules.name("wall", null), "wall: must match [a-z0-9._-]{1,64}");
        assertRejected(() -> TupleRules.opId(null), "op_id: must match [A-Za-z0-9._:-]{1,64}");
    }

    private static void assertRejected(Runnable check, String message) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(VacantException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
