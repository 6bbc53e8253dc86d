package dev.vacant.kernel.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.kernel.task.QualityGate.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityGateTest {

    private static final QualityGate GATE = new QualityGate(3, 10, List.of("error:"));

    @Test
    void review_approvesANonEmptyOutputWithinBoundsWithoutErrorMarkers() {
        assertThat(GATE.review("all good")).isEqualTo(new Verdict(ReviewVerdict.APPROVED, "PASSED"));
        assertThat(GATE.review("ééé")).isEqualTo(new Verdict(ReviewVerdict.APPROVED, "PASSED"));
    }

    @Test
    void review_requeuesEmptyShortLongAndErrorMarkedOutputs_withTheirReason() {
        assertThat(GATE.review(null).reason()).isEqualTo("EMPTY");
        assertThat(GATE.review("  \n").reason()).isEqualTo("EMPTY");
        assertThat(GATE.review("ab").reason()).isEqualTo("TOO_SHORT");
        assertThat(GATE.review("x".repeat(11)).reason()).isEqualTo("TOO_LONG");
        assertThat(GATE.review("ERROR: no")).isEqualTo(new Verdict(ReviewVerdict.REQUEUED, "ERROR_MARKER"));
    }

    @Test
    void defaultGate_flagsASkillsErrorOutput_andRefusesBadBounds() {
        assertThat(QualityGate.DEFAULT.review("{\"error\": \"malformed JSON\"}").reason()).isEqualTo("ERROR_MARKER");
        assertThat(QualityGate.DEFAULT.review("{\"valid\": true}").verdict()).isEqualTo(ReviewVerdict.APPROVED);
        assertThatThrownBy(() -> new QualityGate(0, 5, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QualityGate(5, 4, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
