package dev.vacant.infra.task.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.task.TaskAssignment;
import dev.vacant.command.tuple.lane.ProviderGuard;
import dev.vacant.command.tuple.lane.ProviderPort;
import dev.vacant.command.tuple.runner.TaskError;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.task.PriceTable;
import java.util.concurrent.CompletionException;

/**
 * The task loop's LLM calls, through the lanes' primary provider (OpenAI-compatible) and the lanes'
 * {@link ProviderGuard} (retry with backoff, per-provider breaker). A task's call is paid, so it is made once, never
 * speculated. Before the call the {@link PriceTable} bounds it by what is left of the budget: refused when not even
 * the prompt and one answer token fit ({@code BUDGET_EXCEEDED}, nothing is called), else cut off with
 * {@code max_tokens}; after it, the cost is the usage tokens x the model's prices.
 */
final class LlmCalls {

    /** The yool the provider sees for a task's call. */
    static final String YOOL = "task.llm";

    private final ProviderGuard guard;
    private final ProviderPort provider;
    private final PriceTable prices;

    LlmCalls(ProviderGuard guard, ProviderPort provider, PriceTable prices) {
        this.guard = guard;
        this.provider = provider;
        this.prices = prices;
    }

    /** Runs {@code task}'s prompt on its model. */
    TaskOutput complete(TaskAssignment task) {
        String model = task.spec().model();
        String prompt = task.spec().prompt();
        PriceTable.Allowance allowance = prices.allowance(model, prompt, task.remainingBudgetMicros());
        if (!allowance.allowed()) {
            return TaskOutput.failed(ErrorCode.BUDGET_EXCEEDED, "the call would exceed max_budget; it was not made",
                    allowance.leastCostMicros());
        }
        ObjectNode data = request(model, null, prompt);
        allowance.maxCompletionTokens().ifPresent(tokens -> data.put("max_tokens", tokens));
        JsonNode answer;
        try {
            answer = call(data);
        } catch (CompletionException e) {
            TaskError error = TaskError.of(e);
            return TaskOutput.failed(error.code(), error.message(), 0);
        }
        long promptTokens = answer.at("/usage/prompt_tokens").asLong(0);
        long completionTokens = answer.at("/usage/completion_tokens").asLong(0);
        return new TaskOutput(answer.path("content").asText(), prices.costMicros(model, promptTokens, completionTokens),
                promptTokens, completionTokens, null);
    }

    /** The critic's answer on {@code output} of {@code task} under {@code rubric}; fails as the call fails. */
    String critique(TaskAssignment task, String rubric, String output) {
        ObjectNode data = request(task.spec().model(), rubric,
                "Task:\n" + task.spec().prompt() + "\n\nOutput:\n" + output);
        return call(data).path("content").asText();
    }

    private JsonNode call(ObjectNode data) {
        return guard.call(provider, YOOL, data).toCompletableFuture().join();
    }

    private static ObjectNode request(String model, String system, String user) {
        ObjectNode data = Json.object();
        if (model != null) {
            data.put("model", model);
        }
        ArrayNode messages = data.putArray("messages");
        if (system != null) {
            messages.addObject().put("role", "system").put("content", system);
        }
        messages.addObject().put("role", "user").put("content", user);
        return data;
    }
}
