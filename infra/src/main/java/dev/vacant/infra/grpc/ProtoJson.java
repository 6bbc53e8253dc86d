package dev.vacant.infra.grpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * The bridge between the gRPC messages and the REST bodies and views, so that neither a request's rules nor a
 * response's shape is written twice: proto field names are the REST JSON names, a request message is read into the
 * REST request record through its JSON form, and a REST view is written into the response message through its
 * JSON form (with the application's {@code ObjectMapper}, as REST writes it). An unset field is an absent JSON
 * field. {@code google.protobuf.Struct} carries JSON objects; it holds numbers as doubles, so integral numbers are
 * turned back into integers on the way in.
 */
public final class ProtoJson {

    private static final JsonFormat.Printer PRINTER =
            JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

    private final ObjectMapper mapper;

    public ProtoJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON form of a message: REST field names, integral numbers as integers. */
    public static JsonNode tree(MessageOrBuilder message) {
        try {
            return integral(new ObjectMapper().readTree(PRINTER.print(message)));
        } catch (InvalidProtocolBufferException | JsonProcessingException e) {
            throw new IllegalStateException("cannot print " + message.getClass().getSimpleName(), e);
        }
    }

    /** Reads a request message as the REST request record {@code type}. */
    public <T> T read(MessageOrBuilder message, Class<T> type) {
        try {
            return mapper.treeToValue(tree(message), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request does not fit " + type.getSimpleName(), e);
        }
    }

    /** Writes a REST view (a record or a JSON tree) into the response message {@code builder} builds. */
    @SuppressWarnings("unchecked")
    public <M extends Message> M write(Object view, Message.Builder builder) {
        try {
            PARSER.merge(mapper.writeValueAsString(view), builder);
            return (M) builder.build();
        } catch (InvalidProtocolBufferException | JsonProcessingException e) {
            throw new IllegalStateException("a view does not fit " + builder.getDescriptorForType().getFullName(), e);
        }
    }

    private static JsonNode integral(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(integral(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, integral(array.get(i)));
            }
        } else if (node.isFloatingPointNumber() && node.doubleValue() == Math.rint(node.doubleValue())
                && Math.abs(node.doubleValue()) < 0x1p53) {
            return LongNode.valueOf(node.longValue());
        }
        return node;
    }
}
