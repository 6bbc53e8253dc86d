package dev.vacant.command.tuple.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.crypto.Blake2b;
import dev.vacant.kernel.tuple.TupleOp;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON wire and storage form of ops (Kafka commands) and replies (Kafka replies, stored replies). */
public final class TupleCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TupleCodec() {
    }

    public static String write(Object opOrReply) {
        try {
            return MAPPER.writeValueAsString(opOrReply);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
        return read(json, TupleOp.class);
    }

    public static TupleReply reply(String json) {
        return read(json, TupleReply.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
