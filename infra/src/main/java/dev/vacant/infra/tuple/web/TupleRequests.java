package dev.vacant.infra.tuple.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.tuple.Template;
import dev.vacant.kernel.tuple.TupleMap;
import java.util.List;
import java.util.UUID;

/**
 * Request bodies of the tuple-space endpoints (snake_case; unknown fields are rejected). Every body may carry an
 * {@code op_id} idempotency key (a fresh one is made otherwise); {@code vacant} names the vacant the caller acts
 * for (see {@link TupleAuthorities}).
 */
public final class TupleRequests {

    private TupleRequests() {
    }

    static UUID uuid(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, field + ": must be a UUID");
        }
    }

    static TupleMap map(List<Integer> coords) {
        return coords == null ? null : new TupleMap(coords);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TemplateBody(String yool, String authority, String source, String parentId, String agentId,
                               ObjectNode data) {
        Template toTemplate() {
            return new Template(yool, authority, source, uuid("template.parent_id", parentId), agentId, data);
        }

        static Template of(TemplateBody body) {
            return body == null ? Template.ANY : body.toTemplate();
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OutBody(String opId, String vacant, String yool, List<Integer> map, String source, String parentId,
                          String agentId, ObjectNode data, Long leaseMs) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record InBody(String opId, String vacant, TemplateBody template, Long timeoutMs) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RdBody(String opId, String vacant, TemplateBody template) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RouteBody(String opId, String vacant, ObjectNode packet) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record WallBody(String opId, String capability) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AgentSpawnBody(String opId, String vacant, String lane, String parentTuple, String yool,
                                 ObjectNode data) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BatchSpawnBody(String opId, String vacant, String lane, String parentTuple, String yool, int depth,
                                 int branching, Integer compressionThreshold) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MaterializeBody(String opId, String vacant, String lane, String receipt, List<Integer> path,
                                  boolean asVacant) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AgentBody(String opId, String vacant, String lane, String agentId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PruneBody(String opId, int maxActive) {
    }
}
