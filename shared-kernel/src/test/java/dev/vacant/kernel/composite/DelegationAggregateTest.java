package dev.vacant.kernel.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.composite.DelegationAggregate.Outcome;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelegationAggregateTest {

    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");
    private static final Outcome OPEN = new Outcome(null, null, null);

    private static Outcome done(String result, int second) {
        return new Outcome(result, T.plusSeconds(second), null);
    }

    @Test
    void list_andConcat_waitForEveryResult_thenCombineInPlanOrder() {
        List<Outcome> partial = List.of(done("b", 1), OPEN);
        List<Outcome> complete = List.of(done("a", 2), done("b", 1));

        assertThat(DelegationAggregate.LIST.combine(partial)).isEmpty();
        assertThat(DelegationAggregate.CONCAT.combine(partial)).isEmpty();
        assertThat(DelegationAggregate.LIST.combine(complete).orElseThrow().toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(DelegationAggregate.CONCAT.combine(complete).orElseThrow().asText()).isEqualTo("ab");
    }

    @Test
    void firstSuccess_isCompleteWithTheEarliestResult_tiesGoingToPlanOrder() {
        assertThat(DelegationAggregate.FIRST_SUCCESS.combine(List.of(OPEN, OPEN))).isEmpty();
        assertThat(DelegationAggregate.FIRST_SUCCESS.combine(List.of(OPEN, done("late", 5), done("early", 3)))
                .orElseThrow().asText()).isEqualTo("early");
        assertThat(DelegationAggregate.FIRST_SUCCESS.combine(List.of(done("x", 3), done("y", 3)))
                .orElseThrow().asText()).isEqualTo("x");
    }

    @Test
    void failedDelegations_areSkippedByFirstSuccessAndConcat_andNullInTheList() {
        Outcome failed = new Outcome(null, T.plusSeconds(1), "DELEGATION_TIMEOUT");

        assertThat(DelegationAggregate.FIRST_SUCCESS.combine(List.of(failed, OPEN))).isEmpty();
        assertThat(DelegationAggregate.FIRST_SUCCESS.combine(List.of(failed, done("ok", 4))).orElseThrow().asText())
                .isEqualTo("ok");
        assertThat(DelegationAggregate.FIRST_SUCCESS.combine(List.of(failed, failed)).orElseThrow().isNull()).isTrue();
        assertThat(DelegationAggregate.CONCAT.combine(List.of(done("a", 2), failed, done("c", 3))).orElseThrow()
                .asText()).isEqualTo("ac");
        assertThat(DelegationAggregate.LIST.combine(List.of(failed, done("b", 2))).orElseThrow().toString())
                .isEqualTo("[null,\"b\"]");
    }

    @Test
    void of_readsTheApiLabels_defaultsToList_andRefusesAnythingElse() {
        assertThat(DelegationAggregate.of(null)).isEqualTo(DelegationAggregate.LIST);
        assertThat(DelegationAggregate.of("first_success")).isEqualTo(DelegationAggregate.FIRST_SUCCESS);
        assertThat(DelegationAggregate.of("concat").label()).isEqualTo("concat");
        assertThatThrownBy(() -> DelegationAggregate.of("sum")).isInstanceOfSatisfying(VacantException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }
}
