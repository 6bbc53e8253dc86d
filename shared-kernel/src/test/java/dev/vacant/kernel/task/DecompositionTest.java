package dev.vacant.kernel.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Decomposition}, rule by rule: which prompts split, into which steps, and what each subtask inherits. */
class DecompositionTest {

    private static final String PARENT = "task_00000000-0000-4000-8000-000000000001";
    private static final String DEPENDENCY = "task_00000000-0000-4000-8000-000000000002";

    private static TaskSpec spec(String prompt, boolean decompose, Integer maxSubtasks) {
        return new TaskSpec(prompt, TaskMode.LLM, null, "gpt-x", 1_000_000, 3_000_000, Intensity.HIGH,
                List.of(DEPENDENCY), true, decompose, maxSubtasks, "vac_assignee");
    }

    private static List<String> prompts(TaskSpec spec) {
        return specs(spec).stream().map(TaskSpec::prompt).toList();
    }

    private static List<TaskSpec> specs(TaskSpec parent) {
        return Decomposition.subtasks(PARENT, parent).stream().map(Decomposition.Subtask::spec).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1. Fetch\n2. Count", "1) Fetch\n2) Count", "- Fetch\n- Count", "* Fetch\n* Count",
            "+ Fetch\n+ Count", "\u2022 Fetch\n\u2022 Count", "  1.  Fetch  \n  - Count"})
    void aListOfTwoSteps_isDecomposed_withoutBeingAsked_numberedOrBulleted(String prompt) {
        assertThat(prompts(spec(prompt, false, null))).containsExactly("Fetch", "Count");
    }

    @Test
    void aListOfOneStep_orNoList_isLeftWhole_unlessDecomposeIsAsked() {
        assertThat(prompts(spec("1. Fetch the page", false, null))).isEmpty();
        assertThat(prompts(spec("Fetch the page. Count its words.", false, null))).isEmpty();
        assertThat(prompts(spec("Fetch the page.\n\nCount its words.", false, null))).isEmpty();
    }

    @Test
    void theLinesBeforeTheFirstItem_stayOnTheParent_andALineThatIsNoItem_continuesTheItemBeforeIt() {
        String prompt = "Do this in order:\n1. Validate this JSON:\n   {\"a\": 1}\n\n2. Count the words: one two";

        assertThat(prompts(spec(prompt, false, null)))
                .containsExactly("Validate this JSON:\n   {\"a\": 1}", "Count the words: one two");
    }

    @Test
    void decomposeAsked_withoutAList_splitsTheParagraphs_elseTheSentences() {
        assertThat(prompts(spec("Fetch the page. Twice.\n\nCount its words.", true, null)))
                .containsExactly("Fetch the page. Twice.", "Count its words.");
        assertThat(prompts(spec("Fetch the page! Count its words? Sum them.", true, null)))
                .containsExactly("Fetch the page!", "Count its words?", "Sum them.");
    }

    @Test
    void decomposeAsked_onOneStep_leavesTheTaskWhole() {
        assertThat(prompts(spec("Fetch the page", true, null))).isEmpty();
    }

    @Test
    void stepsPastTheCap_joinTheLastSubtask_theDefaultCapBeingFive() {
        String seven = "1. a\n2. b\n3. c\n4. d\n5. e\n6. f\n7. g";

        assertThat(prompts(spec(seven, false, null))).containsExactly("a", "b", "c", "d", "e\nf\ng");
        assertThat(prompts(spec(seven, false, 3))).containsExactly("a", "b", "c\nd\ne\nf\ng");
        assertThat(prompts(spec(seven, false, 7))).hasSize(7);
    }

    @Test
    void aCapBelowTwo_leavesTheTaskWhole() {
        assertThat(prompts(spec("1. a\n2. b", true, 1))).isEmpty();
    }

    @Test
    void subtasksAreChained_theFirstWaitingOnTheParentsDependencies_eachNextOnThePreviousSubtask() {
        List<Decomposition.Subtask> subtasks = Decomposition.subtasks(PARENT, spec("1. a\n2. b\n3. c", false, null));

        assertThat(subtasks).extracting(Decomposition.Subtask::id).containsExactly(Decomposition.subtaskId(PARENT, 0),
                Decomposition.subtaskId(PARENT, 1), Decomposition.subtaskId(PARENT, 2));
        assertThat(subtasks).extracting(s -> s.spec().dependsOn()).containsExactly(List.of(DEPENDENCY),
                List.of(Decomposition.subtaskId(PARENT, 0)), List.of(Decomposition.subtaskId(PARENT, 1)));
    }

    @Test
    void subtasksInheritTheParentsExecution_andNeverDecomposeAgain() {
        TaskSpec parent = spec("1. a\n2. b", false, 2);

        assertThat(specs(parent)).allSatisfy(subtask -> {
            assertThat(subtask.mode()).isEqualTo(parent.mode());
            assertThat(subtask.model()).isEqualTo(parent.model());
            assertThat(subtask.command()).isEqualTo(parent.command());
            assertThat(subtask.intensity()).isEqualTo(parent.intensity());
            assertThat(subtask.parallelSafe()).isEqualTo(parent.parallelSafe());
            assertThat(subtask.assignee()).isEqualTo(parent.assignee());
            assertThat(subtask.decompose()).isFalse();
            assertThat(subtask.maxSubtasks()).isNull();
        });
    }

    @Test
    void theBudgetsAreShared_inWholeMicroUnits_addingUpToTheParents() {
        List<TaskSpec> subtasks = specs(new TaskSpec("1. a\n2. b\n3. c", TaskMode.LLM, null,
                "gpt-x", 1_000_000, 2_000_002, Intensity.LOW, null, false, false, null, null));

        assertThat(subtasks).extracting(TaskSpec::minBudgetMicros).containsExactly(333_334L, 333_333L, 333_333L);
        assertThat(subtasks).extracting(TaskSpec::maxBudgetMicros).containsExactly(666_668L, 666_667L, 666_667L);
    }

    @Test
    void theSameParent_givesTheSameSubtasks_andAnotherParentOtherIds() {
        TaskSpec parent = spec("1. a\n2. b", false, null);
        String other = "task_00000000-0000-4000-8000-000000000003";

        assertThat(Decomposition.subtasks(PARENT, parent)).isEqualTo(Decomposition.subtasks(PARENT, parent));
        assertThat(Decomposition.subtaskId(PARENT, 0)).isEqualTo(Decomposition.subtaskId(PARENT, 0))
                .isNotEqualTo(Decomposition.subtaskId(PARENT, 1)).isNotEqualTo(Decomposition.subtaskId(other, 0));
        assertThat(TaskId.parse(Decomposition.subtaskId(PARENT, 0))).isNotNull();
    }
}
