package dev.vacant.kernel.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.Json;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How a plan's results combine ({@code composite.md}, delegation), recorded on each DELEGATED entry: {@code list}
 * (the default: every result in plan order, null for a failed delegation), {@code concat} (the successful results'
 * texts joined in plan order) and {@code first_success} (the successful result that came back first; the plan is
 * complete as soon as one did, or, with no success, once every delegation failed, with a null result).
 */
public enum DelegationAggregate {
    LIST, CONCAT, FIRST_SUCCESS;

    /**
     * One delegation of a plan, in plan order: its result, when it came back (both null while open) and, for a failed
     * delegation, its error code (then the result is null).
     */
    public record Outcome(String result, Instant completedAt, String error) {

        boolean done() {
            return completedAt != null;
        }

        boolean succeeded() {
            return done() && error == null;
        }
    }

    /** The API label: {@code list}, {@code concat}, {@code first_success}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The aggregate a label names (null: {@link #LIST}); {@code VALIDATION_FAILED} for any other label. */
    public static DelegationAggregate of(String label) {
        if (label == null) {
            return LIST;
        }
        return Arrays.stream(values()).filter(value -> value.label().equals(label)).findFirst()
                .orElseThrow(() -> new VacantException(ErrorCode.VALIDATION_FAILED, "aggregate must be one of "
                        + Arrays.stream(values()).map(DelegationAggregate::label).collect(Collectors.joining(", "))));
    }

    /** The combined result once the plan is complete under this aggregate, else empty. */
    public Optional<JsonNode> combine(List<Outcome> planOrder) {
        boolean allDone = planOrder.stream().allMatch(Outcome::done);
        if (this == FIRST_SUCCESS) {
            Optional<JsonNode> first = IntStream.range(0, planOrder.size()).filter(i -> planOrder.get(i).succeeded())
                    .boxed()
                    .min(Comparator.comparing((Integer i) -> planOrder.get(i).completedAt()).thenComparing(i -> i))
                    .map(i -> TextNode.valueOf(planOrder.get(i).result()));
            return first.isPresent() || !allDone ? first : Optional.of(NullNode.getInstance());
        }
        if (!allDone) {
            return Optional.empty();
        }
        if (this == CONCAT) {
            return Optional.of(TextNode.valueOf(planOrder.stream().filter(Outcome::succeeded).map(Outcome::result)
                    .collect(Collectors.joining())));
        }
        ArrayNode results = Json.mapper().createArrayNode();
        planOrder.forEach(outcome -> results.add(outcome.result()));
        return Optional.of(results);
    }
}
