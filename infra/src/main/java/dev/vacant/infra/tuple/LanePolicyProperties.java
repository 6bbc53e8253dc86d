package dev.vacant.infra.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.json.Json;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The numbers of the execution-lane guardrails under {@code vacant.lanes} (spec "Execution on lanes"). Each
 * may also come from the environment aliases {@code YOOL_TUPLE_<NAME>} / {@code YOOL_<NAME>}, see
 * {@link YoolLaneAliases}.
 *
 * @param laneConcurrency         concurrency a lane starts at
 * @param maxLaneConcurrency      the adaptive concurrency never goes above this
 * @param batchSmallTaskSize      the most small tasks drained into one batch executor call
 * @param contextCompressionChars string values longer than this are compressed before a provider call
 * @param cacheMaxEntries         receipt cache size (LRU beyond it)
 * @param cacheTtl                receipt cache time to live
 * @param apiMaxRetries           retries of a provider call after the first attempt (transient errors only)
 * @param retryBase               first backoff interval
 * @param retryMax                largest backoff interval
 * @param retryJitter             the backoff is randomised by +- this fraction
 * @param circuitFailureThreshold consecutive failures that open a provider's circuit breaker
 * @param circuitCooldown         how long an open breaker rejects calls before it half-opens
 */
@Validated
@ConfigurationProperties("vacant.lanes")
public record LanePolicyProperties(
        @DefaultValue("32") @Min(1) int laneConcurrency,
        @DefaultValue("64") @Min(1) int maxLaneConcurrency,
        @DefaultValue("32") @Min(1) int batchSmallTaskSize,
        @DefaultValue("6000") @Min(4) int contextCompressionChars,
        @DefaultValue("16384") @Min(1) long cacheMaxEntries,
        @DefaultValue("3600s") Duration cacheTtl,
        @DefaultValue("3") @Min(0) int apiMaxRetries,
        @DefaultValue("100ms") Duration retryBase,
        @DefaultValue("5000ms") Duration retryMax,
        @DefaultValue("0.25") @DecimalMin("0.0") @DecimalMax("1.0") double retryJitter,
        @DefaultValue("5") @Min(1) int circuitFailureThreshold,
        @DefaultValue("30s") Duration circuitCooldown) {

    /** The {@code policy} block of the space snapshot: every number in force, durations in their alias units. */
    public ObjectNode snapshot() {
        return Json.object().put("lane_concurrency", laneConcurrency).put("max_lane_concurrency", maxLaneConcurrency)
                .put("batch_small_task_size", batchSmallTaskSize).put("context_compression_chars", contextCompressionChars)
                .put("cache_max_entries", cacheMaxEntries).put("cache_ttl_s", cacheTtl.toSeconds())
                .put("api_max_retries", apiMaxRetries).put("api_backoff_base_ms", retryBase.toMillis())
                .put("api_backoff_max_ms", retryMax.toMillis()).put("retry_jitter", retryJitter)
                .put("circuit_failure_threshold", circuitFailureThreshold)
                .put("circuit_cooldown_s", circuitCooldown.toSeconds());
    }
}
