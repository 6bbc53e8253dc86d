package dev.vacant.infra.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.json.Json;

/** Request bodies the tests send. */
public final class VacantFixtures {

    private VacantFixtures() {
    }

    public static ObjectNode genesis(String controller, String state, String... tools) {
        ObjectNode body = Json.object().put("controller", controller);
        if (state != null) {
            body.put("state", state);
        }
        ObjectNode bundle = body.putObject("bundle").put("system_prompt", "You are careful.").put("policy_dsl", "allow: read");
        for (String tool : tools) {
            bundle.withArray("tool_whitelist").add(tool);
        }
        body.putObject("substrate").put("provider", "openai").put("model", "gpt-x").put("model_family", "gpt")
                .putObject("params").put("max_tokens", 256);
        return body;
    }
}
