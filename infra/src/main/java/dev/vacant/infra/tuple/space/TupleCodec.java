package dev.vacant.infra.tuple.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vacant.kernel.tuple.TupleOp;
import java.io.UncheckedIOException;

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
