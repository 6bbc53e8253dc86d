package dev.vacant.kernel.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * A tuple template: equality on the envelope fields and on top-level {@code data} keys; a null field
 * (or a data key left out) is a wildcard.
 */
public record Template(String yool, String authority, String source, UUID parentId, String agentId, ObjectNode data) {

    /** The template matching every tuple. */
    public static final Template ANY = new Template(null, null, null, null, null, null);

    public static Template ofYool(String yool) {
        return new Template(yool, null, null, null, null, null);
    }

    /** Whether the template constrains {@code data} at all. */
    public boolean constrainsData() {
        return data != null && !data.isEmpty();
    }

    public boolean matches(Tuple tuple) {
        return (yool == null || yool.equals(tuple.yool()))
                && (authority == null || authority.equals(tuple.authority().value()))
                && (source == null || source.equals(tuple.source()))
                && (parentId == null || parentId.equals(tuple.parentId()))
                && (agentId == null || agentId.equals(tuple.agentId()))
                && dataMatches(tuple.data());
    }

    private boolean dataMatches(ObjectNode tupleData) {
        if (!constrainsData()) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().equals(tupleData.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
