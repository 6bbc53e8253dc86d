package dev.vacant.kernel.spawn;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The inputs of one spawn path ({@code spawn.md}); each record validates its own inputs. */
public sealed interface SpawnRequest {

    /** Upper bound of short texts (mutations, capability texts). */
    int MAX_SHORT_TEXT_BYTES = 4 * 1024;

    SpawnPath path();

    /** D1: {@code policy_mutation} (non-empty, at most 4 KiB) appended to the parent's policy. */
    record CloneWithMutation(String policyMutation) implements SpawnRequest {
        public CloneWithMutation {
            requireShortText("policy_mutation", policyMutation);
        }

        @Override
        public SpawnPath path() {
            return SpawnPath.D1;
        }
    }

    /** D2: {@code narrowed_tools}, a subset (possibly equal) of the parent's whitelist. */
    record SubagentBud(List<String> narrowedTools) implements SpawnRequest {
        public SubagentBud {
            narrowedTools = List.copyOf(Objects.requireNonNullElse(narrowedTools, List.of()));
        }

        @Override
        public SpawnPath path() {
            return SpawnPath.D2;
        }
    }

    /** D3: a new system prompt and the capability text stored on BIRTH for the capability card. */
    record CapabilityFork(String newCapabilityText, String newSystemPrompt) implements SpawnRequest {
        public CapabilityFork {
            requireShortText("new_capability_text", newCapabilityText);
            requirePresent("new_system_prompt", newSystemPrompt);
        }

        @Override
        public SpawnPath path() {
            return SpawnPath.D3;
        }
    }

    /** D4: merge with {@code parentB}, which consented by signature. */
    record LineageMerge(VacantId parentB, SpawnConsent consent, String mergedSystemPrompt) implements SpawnRequest {
        public LineageMerge {
            if (parentB == null) {
                throw new VacantException(ErrorCode.VALIDATION_FAILED, "parent_b is required for D4");
            }
            requirePresent("merged_system_prompt", mergedSystemPrompt);
        }

        @Override
        public SpawnPath path() {
            return SpawnPath.D4;
        }
    }

    /** D5: the parent's bundle verbatim on a new substrate. */
    record CrossSubstrateRespawn(SubstrateSpec newSubstrate) implements SpawnRequest {
        public CrossSubstrateRespawn {
            if (newSubstrate == null) {
                throw new VacantException(ErrorCode.VALIDATION_FAILED, "new_substrate_spec is required for D5");
            }
        }

        @Override
        public SpawnPath path() {
            return SpawnPath.D5;
        }
    }

    private static void requirePresent(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, field + " is required");
        }
    }

    private static void requireShortText(String field, String text) {
        requirePresent(field, text);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_SHORT_TEXT_BYTES) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, field + " is over " + MAX_SHORT_TEXT_BYTES + " bytes");
        }
    }
}
