package dev.vacant.kernel.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.error.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreflightGateTest {

    private static final GateSettings SETTINGS = new GateSettings(Set.of("gpt-x"), 10_000_000, 32, true,
            Set.of("wc", "sha256sum"));
    private static final PreflightGate GATE = new PreflightGate(SETTINGS);

    private static TaskSpec llm(String prompt, String model, long min, long max) {
        return new TaskSpec(prompt, TaskMode.LLM, null, model, min, max, Intensity.LOW, null, false, false, null, null);
    }

    private static TaskSpec local(List<String> command) {
        return new TaskSpec("count words", TaskMode.LOCAL, command, null, 0, 1_000, Intensity.LOW, null, false, false,
                null, null);
    }

    @Test
    void gate_passesAWellFormedTask_whenRunningOrPaused() {
        assertThat(GATE.rejection(llm("hello", "gpt-x", 1, 10_000_000), ControlMode.RUNNING)).isEmpty();
        assertThat(GATE.rejection(local(List.of("wc", "-w")), ControlMode.PAUSED)).isEmpty();
    }

    @Test
    void gate_rejectsWithHalted_whenHaltIsEngaged() {
        assertThat(GATE.rejection(llm("hello", "gpt-x", 1, 2), ControlMode.HALTED)).contains(ErrorCode.HALTED);
    }

    @Test
    void gate_rejectsWithModelNotAllowed_whenTheModelIsOffTheWhitelist() {
        assertThat(GATE.rejection(llm("hello", "gpt-y", 1, 2), ControlMode.RUNNING)).contains(ErrorCode.MODEL_NOT_ALLOWED);
        assertThat(GATE.rejection(llm("hello", null, 1, 2), ControlMode.RUNNING)).contains(ErrorCode.MODEL_NOT_ALLOWED);
    }

    @Test
    void gate_rejectsWithBudgetInvalid_whenMinIsAboveMax_orMaxIsAboveTheCap() {
        assertThat(GATE.rejection(llm("hello", "gpt-x", 3, 2), ControlMode.RUNNING)).contains(ErrorCode.BUDGET_INVALID);
        assertThat(GATE.rejection(llm("hello", "gpt-x", 1, 10_000_001), ControlMode.RUNNING))
                .contains(ErrorCode.BUDGET_INVALID);
        assertThat(GATE.rejection(llm("hello", "gpt-x", 10_000_000, 10_000_000), ControlMode.RUNNING)).isEmpty();
    }

    @Test
    void gate_rejectsWithPromptTooLarge_overTheLimitInUtf8Bytes() {
        assertThat(GATE.rejection(llm("x".repeat(32), "gpt-x", 1, 2), ControlMode.RUNNING)).isEmpty();
        assertThat(GATE.rejection(llm("é".repeat(17), "gpt-x", 1, 2), ControlMode.RUNNING))
                .contains(ErrorCode.PROMPT_TOO_LARGE);
    }

    @Test
    void gate_rejectsWithCommandNotAllowed_offTheAllowlist_emptyOrWithLocalModeDisabled() {
        assertThat(GATE.rejection(local(List.of("rm", "-rf", "/")), ControlMode.RUNNING))
                .contains(ErrorCode.COMMAND_NOT_ALLOWED);
        assertThat(GATE.rejection(local(List.of()), ControlMode.RUNNING)).contains(ErrorCode.COMMAND_NOT_ALLOWED);
        assertThat(GATE.rejection(local(List.of("sh", "-c", "wc")), ControlMode.RUNNING))
                .contains(ErrorCode.COMMAND_NOT_ALLOWED);
        PreflightGate noLocal = new PreflightGate(new GateSettings(Set.of(), 1_000, 32, false, Set.of("wc")));
        assertThat(noLocal.rejection(local(List.of("wc")), ControlMode.RUNNING)).contains(ErrorCode.COMMAND_NOT_ALLOWED);
    }

    @Test
    void gate_reportsTheFirstPolicyInOrder_whenSeveralReject() {
        TaskSpec bad = llm("x".repeat(100), "gpt-y", 3, 2);
        assertThat(GATE.rejection(bad, ControlMode.HALTED)).contains(ErrorCode.HALTED);
        assertThat(GATE.rejection(bad, ControlMode.RUNNING)).contains(ErrorCode.BUDGET_INVALID);
        assertThat(PreflightPolicy.MODEL.check(bad, SETTINGS, ControlMode.RUNNING)).contains(ErrorCode.MODEL_NOT_ALLOWED);
        assertThat(PreflightPolicy.PROMPT_SIZE.check(bad, SETTINGS, ControlMode.RUNNING)).contains(ErrorCode.PROMPT_TOO_LARGE);
    }

    @Test
    void spendingLimit_refusesWithBudgetExceeded_onlyPastTheLimit_andZeroIsUnlimited() {
        SpendingLimit limit = new SpendingLimit(5_000_000);
        assertThat(limit.refusal(4_000_000, 1_000_000)).isEmpty();
        assertThat(limit.refusal(4_000_000, 1_000_001)).contains(ErrorCode.BUDGET_EXCEEDED);
        assertThat(new SpendingLimit(0).refusal(Long.MAX_VALUE / 2, 1_000_000)).isEqualTo(Optional.empty());
    }

    @Test
    void controlModes_haltRejectsAndStopsTaking_pauseOnlyStopsTaking() {
        assertThat(ControlMode.RUNNING.acceptsWork()).isTrue();
        assertThat(ControlMode.RUNNING.takesWork()).isTrue();
        assertThat(ControlMode.PAUSED.acceptsWork()).isTrue();
        assertThat(ControlMode.PAUSED.takesWork()).isFalse();
        assertThat(ControlMode.HALTED.acceptsWork()).isFalse();
        assertThat(ControlMode.HALTED.takesWork()).isFalse();
    }
}
