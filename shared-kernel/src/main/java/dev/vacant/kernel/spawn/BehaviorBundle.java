package dev.vacant.kernel.spawn;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.CanonicalJson;
import dev.vacant.kernel.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a vacant is told and allowed: system prompt and policy (each at most 32 KiB of UTF-8) and a sorted
 * tool whitelist (at most 256 names matching {@code [a-z0-9_.:-]{1,128}}). Addressed by {@link #digest()}.
 */
public record BehaviorBundle(@JsonProperty("system_prompt") String systemPrompt,
                             @JsonProperty("policy_dsl") String policyDsl,
                             @JsonProperty("tool_whitelist") List<String> toolWhitelist) {

    public static final int MAX_TEXT_BYTES = 32 * 1024;
    public static final int MAX_TOOLS = 256;
    private static final Pattern TOOL = Pattern.compile("[a-z0-9_.:-]{1,128}");

    public BehaviorBundle {
        systemPrompt = requireText("system_prompt", systemPrompt);
        policyDsl = requireText("policy_dsl", policyDsl);
        toolWhitelist = sortedTools(toolWhitelist == null ? List.of() : toolWhitelist);
    }

    private static String requireText(String field, String text) {
        String value = text == null ? "" : text;
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            throw invalid(field + " is over " + MAX_TEXT_BYTES + " bytes");
        }
        return value;
    }

    private static List<String> sortedTools(List<String> tools) {
        Set<String> sorted = new TreeSet<>();
        for (String tool : tools) {
            if (tool == null || !TOOL.matcher(tool).matches()) {
                throw invalid("tool name '" + tool + "' does not match [a-z0-9_.:-]{1,128}");
            }
            sorted.add(tool);
        }
        if (sorted.size() > MAX_TOOLS) {
            throw invalid("tool_whitelist has more than " + MAX_TOOLS + " names");
        }
        return List.copyOf(sorted);
    }

    static VacantException invalid(String message) {
        return new VacantException(ErrorCode.VALIDATION_FAILED, message);
    }

    /** BLAKE2b-256 hex over the JCS of this bundle. */
    public String digest() {
        return Blake2b.hex256(CanonicalJson.canonicalize(Json.mapper().valueToTree(this)));
    }

    public BehaviorBundle withSystemPrompt(String prompt) {
        return new BehaviorBundle(prompt, policyDsl, toolWhitelist);
    }

    public BehaviorBundle withPolicyDsl(String policy) {
        return new BehaviorBundle(systemPrompt, policy, toolWhitelist);
    }

    public BehaviorBundle withTools(List<String> tools) {
        return new BehaviorBundle(systemPrompt, policyDsl, tools);
    }
}
