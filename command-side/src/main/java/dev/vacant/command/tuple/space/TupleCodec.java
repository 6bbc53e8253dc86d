package dev.vacant.command.tuple.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.tuple.TupleOp;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON wire and storage form of ops (Kafka commands, waiters) and replies (Kafka replies, stored replies):
 * {@code {"opId", "result", "error", "message", "opDigest"}}, the {@code result} in {@link TupleResultJson}'s form.
 */
public final class TupleCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TupleCodec() {
    }

    public static String write(TupleOp op) {
        return write((Object) op);
    }

    public static String write(TupleReply reply) {
        ObjectNode json = MAPPER.createObjectNode().put("opId", reply.opId());
        json.set("result", reply.result() == null ? null : TupleResultJson.write(reply.result()));
        return write(json.put("error", reply.error() == null ? null : reply.error().name())
                .put("message", reply.message())
                .put("opDigest", reply.opDigest()));
    }

    /**
     * The digest of an op's content, to tell an op sent again from another op under the same op id: BLAKE2b-256
     * (hex) of its JSON form with the authority reduced to its vacant (the server resolves the tools, which a
     * retry may see otherwise).
     */
    public static String digest(TupleOp op) {
        ObjectNode content = MAPPER.valueToTree(op);
        JsonNode authority = content.get("authority");
        if (authority != null && authority.isObject()) {
            content.set("authority", authority.get("vacant"));
        }
        return Blake2b.hex256(write(content).getBytes(StandardCharsets.UTF_8));
    }

    public static TupleOp op(String json) {
        try {
            return MAPPER.readValue(json, TupleOp.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TupleReply reply(String json) {
        JsonNode reply;
        try {
            reply = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode result = reply.path("result");
        return new TupleReply(text(reply, "opId"), result.isObject() ? TupleResultJson.read(result) : null,
                text(reply, "error") == null ? null : ErrorCode.valueOf(text(reply, "error")), text(reply, "message"),
                text(reply, "opDigest"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isTextual() ? value.textValue() : null;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
