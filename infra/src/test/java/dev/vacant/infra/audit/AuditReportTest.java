package dev.vacant.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.VerificationFailure;
import dev.vacant.query.audit.ParkedSequence;
import dev.vacant.kernel.logbook.VerificationFailureReason;
import dev.vacant.query.audit.TableComparison;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditReportTest {

    private static final String VACANT = "vac_" + "a".repeat(52);

    private final TableComparison differing = new TableComparison("vacant_registry", 3, 1, 0,
            List.of("vacant_id=" + VACANT), List.of());
    private final ParkedSequence parked = new ParkedSequence(VACANT, 5, 40, "PSQLException: ERROR: invalid byte", 2);
    private final AuditReport findings = new AuditReport(12, 11, 1, 1,
            List.of(new VerificationFailure(VACANT, 4, VerificationFailureReason.BAD_SIGNATURE)), List.of(differing),
            List.of(parked), 250, 48, null);

    @Test
    void format_namesEveryFailureAndDifference_andTheVerdict() {
        String text = AuditReportText.format(findings);

        assertThat(text).contains("12 events read, 11 entries verified, 1 skipped, in 0.250 s (48 events/s)",
                VACANT + " seq 4 BAD_SIGNATURE", "vacant_registry: 3 rows rebuilt, 1 missing, 0 extra",
                "missing vacant_id=" + VACANT, VACANT + " from seq 5 (position 40, 2 events): PSQLException",
                "Result: FAILED (1 verification failures, 1 projection tables differ, 1 sequences parked)");
    }

    @Test
    void format_saysClean_whenNothingWasFound() {
        AuditReport clean = new AuditReport(5, 5, 0, 0, List.of(), List.of(), List.of(), 10, 500, null);

        assertThat(clean.clean()).isTrue();
        assertThat(AuditReportText.format(clean)).contains("Verification failures: 0", "Result: CLEAN");
    }

    @Test
    void json_usesSnakeCaseAndCarriesTheVerdict_always() {
        JsonNode json = Json.mapper().valueToTree(findings);

        assertThat(json.path("events_read").asLong()).isEqualTo(12);
        assertThat(json.path("failures").get(0).path("reason").asText()).isEqualTo("BAD_SIGNATURE");
        assertThat(json.path("projections").get(0).path("missing_keys").get(0).asText()).isEqualTo("vacant_id=" + VACANT);
        assertThat(json.path("projection_differences").asLong()).isEqualTo(1);
        assertThat(json.path("parked").get(0).path("vacant").asText()).isEqualTo(VACANT);
        assertThat(json.path("clean").asBoolean()).isFalse();
    }

    @Test
    void constructor_listsOnlyTheFirstFailures_butCountsThemAll() {
        List<VerificationFailure> many = new ArrayList<>();
        for (int seq = 0; seq < AuditReport.LISTED_FAILURES + 5; seq++) {
            many.add(new VerificationFailure(VACANT, seq, VerificationFailureReason.SEQ_GAP));
        }

        AuditReport report = new AuditReport(1, 1, 0, many.size(), many, List.of(), List.of(), 1, 1, null);

        assertThat(report.failures()).hasSize(AuditReport.LISTED_FAILURES);
        assertThat(AuditReportText.format(report)).contains("... and 5 more");
    }
}
