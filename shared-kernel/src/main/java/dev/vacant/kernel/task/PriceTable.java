package dev.vacant.kernel.task;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What an LLM call costs ({@code tasks.md} step 5): usage tokens x the model's prices, in integer micro-units per
 * million tokens, rounded up to the next micro-unit. A model without a price costs nothing (a local model server).
 * Before a call, {@link #allowance} bounds the answer's tokens by what is left of the budget, so a call that
 * would exceed {@code max_budget} is not made ({@code BUDGET_EXCEEDED}) or is cut off ({@code max_tokens}).
 *
 * @param prices by model name
 */
public record PriceTable(Map<String, ModelPrice> prices) {

    /** Prompt tokens are estimated as UTF-8 bytes / this, rounded up, before a call. */
    public static final int BYTES_PER_TOKEN = 4;
    private static final long PER_MILLION = 1_000_000L;

    public PriceTable {
        prices = Map.copyOf(prices);
    }

    /** The cost of a call of {@code model} that used these tokens. */
    public long costMicros(String model, long promptTokens, long completionTokens) {
        ModelPrice price = prices.getOrDefault(model, ModelPrice.FREE);
        return perMillion(promptTokens, price.promptMicrosPerMillion())
                + perMillion(completionTokens, price.completionMicrosPerMillion());
    }

    /**
     * The most completion tokens a call of {@code model} on {@code prompt} may use within {@code remainingMicros}
     * (empty: no limit, the model is free of charge), or a refusal when even the estimated prompt does not fit.
     */
    public Allowance allowance(String model, String prompt, long remainingMicros) {
        ModelPrice price = prices.getOrDefault(model, ModelPrice.FREE);
        long promptTokens = (prompt.getBytes(StandardCharsets.UTF_8).length + BYTES_PER_TOKEN - 1) / BYTES_PER_TOKEN;
        long promptCost = perMillion(promptTokens, price.promptMicrosPerMillion());
        long leastCost = promptCost + perMillion(1, price.completionMicrosPerMillion());
        long left = remainingMicros - promptCost;
        if (left < 0) {
            return new Allowance(false, Optional.empty(), leastCost);
        }
        if (price.completionMicrosPerMillion() == 0) {
            return new Allowance(true, Optional.empty(), leastCost);
        }
        long tokens = BigInteger.valueOf(left).multiply(BigInteger.valueOf(PER_MILLION))
                .divide(BigInteger.valueOf(price.completionMicrosPerMillion()))
                .min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        return tokens < 1 ? new Allowance(false, Optional.empty(), leastCost)
                : new Allowance(true, Optional.of(tokens), leastCost);
    }

    private static long perMillion(long tokens, long microsPerMillion) {
        return -Math.floorDiv(-Math.multiplyExact(tokens, microsPerMillion), PER_MILLION);
    }

    /**
     * One model's prices, micro-units per million tokens.
     *
     * @param promptMicrosPerMillion     of the prompt (input) tokens
     * @param completionMicrosPerMillion of the completion (output) tokens
     */
    public record ModelPrice(long promptMicrosPerMillion, long completionMicrosPerMillion) {

        static final ModelPrice FREE = new ModelPrice(0, 0);

        public ModelPrice {
            if (promptMicrosPerMillion < 0 || completionMicrosPerMillion < 0) {
                throw new IllegalArgumentException("prices are non-negative micro-units per million tokens");
            }
        }
    }

    /**
     * Whether a call may be made, and how far.
     *
     * @param allowed             false: the call would exceed the budget and is not made
     * @param maxCompletionTokens the answer's bound ({@code max_tokens}), empty when unbounded
     * @param leastCostMicros     the least the call costs: the estimated prompt and one answer token (more than what
     *                            is left when the call is refused)
     */
    public record Allowance(boolean allowed, Optional<Long> maxCompletionTokens, long leastCostMicros) {
    }
}
