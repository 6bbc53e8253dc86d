package dev.vacant.infra.grpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.ListValue;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bridge between the gRPC messages and the REST bodies and views, so that neither a request's rules nor a
 * response's shape is written twice: proto field names are the REST JSON names, a request message is read into the
 * REST request record through its JSON form, and a REST view is written into the response message through its
 * JSON form (with the application's {@code ObjectMapper}, as REST writes it).
 * <p>
 * The JSON form is protobuf's JSON mapping for the field types the API uses, built by walking the message's
 * descriptors into a Jackson tree and back, without printing and parsing text ({@code docs/performance.md},
 * "Session 10"): an unset field is an absent JSON field (a set {@code optional} one is present); 64-bit integers are
 * JSON numbers; {@code google.protobuf.Struct} carries JSON objects, and since it holds numbers as doubles, integral
 * numbers (a double field's too) are integers in the JSON form. Reading a JSON form into a message accepts a field by
 * its proto or its JSON name, ignores unknown fields and nulls, and accepts a number written as a string, as
 * protobuf's own JSON parser does.
 */
public final class ProtoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<Descriptor, Map<String, FieldDescriptor>> FIELDS_BY_NAME = new ConcurrentHashMap<>();

    private final ObjectMapper mapper;

    public ProtoJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON form of a message: REST field names, integral numbers as integers. */
    public static JsonNode tree(MessageOrBuilder message) {
        if (message instanceof Struct struct) {
            return struct(struct);
        }
        ObjectNode object = NODES.objectNode();
        message.getAllFields().forEach((field, value) -> object.set(field.getName(), fieldValue(field, value)));
        return object;
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
            merge(mapper.valueToTree(view), builder);
            return (M) builder.build();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalStateException("a view does not fit " + builder.getDescriptorForType().getFullName(), e);
        }
    }

    private static JsonNode fieldValue(FieldDescriptor field, Object value) {
        if (field.isMapField()) {
            ObjectNode map = NODES.objectNode();
            FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
            for (Object entry : (List<?>) value) {
                MapEntry<?, ?> pair = (MapEntry<?, ?>) entry;
                map.set(String.valueOf(pair.getKey()), single(valueField, pair.getValue()));
            }
            return map;
        }
        if (field.isRepeated()) {
            ArrayNode array = NODES.arrayNode();
            ((List<?>) value).forEach(element -> array.add(single(field, element)));
            return array;
        }
        return single(field, value);
    }

    private static JsonNode single(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case STRING -> TextNode.valueOf((String) value);
            case BOOLEAN -> BooleanNode.valueOf((Boolean) value);
            case INT -> IntNode.valueOf((Integer) value);
            case LONG -> LongNode.valueOf((Long) value);
            case DOUBLE, FLOAT -> number(((Number) value).doubleValue());
            case MESSAGE -> tree((MessageOrBuilder) value);
            default -> throw new IllegalStateException("no JSON form for " + field.getFullName());
        };
    }

    /** A double as JSON: an integer when integral (and exact), protobuf's strings for the non-finite ones. */
    private static JsonNode number(double value) {
        if (!Double.isFinite(value)) {
            return TextNode.valueOf(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
        return value == Math.rint(value) && Math.abs(value) < 0x1p53 ? LongNode.valueOf((long) value)
                : DoubleNode.valueOf(value);
    }

    private static ObjectNode struct(Struct struct) {
        ObjectNode object = NODES.objectNode();
        struct.getFieldsMap().forEach((name, value) -> object.set(name, value(value)));
        return object;
    }

    private static JsonNode value(Value value) {
        return switch (value.getKindCase()) {
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> TextNode.valueOf(value.getStringValue());
            case BOOL_VALUE -> BooleanNode.valueOf(value.getBoolValue());
            case STRUCT_VALUE -> struct(value.getStructValue());
            case LIST_VALUE -> {
                ArrayNode array = NODES.arrayNode();
                value.getListValue().getValuesList().forEach(element -> array.add(value(element)));
                yield array;
            }
            case NULL_VALUE, KIND_NOT_SET -> NullNode.getInstance();
        };
    }

    /** Sets the fields of {@code builder} that {@code json} (an object) names; unknown names and nulls are skipped. */
    private static void merge(JsonNode json, Message.Builder builder) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("not a JSON object: " + json.getNodeType());
        }
        if (builder instanceof Struct.Builder struct) {
            struct.mergeFrom(struct(json));
            return;
        }
        Map<String, FieldDescriptor> fields = fieldsByName(builder.getDescriptorForType());
        for (Iterator<Map.Entry<String, JsonNode>> entries = json.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            FieldDescriptor field = fields.get(entry.getKey());
            if (field != null && !entry.getValue().isNull()) {
                mergeField(field, entry.getValue(), builder);
            }
        }
    }

    private static void mergeField(FieldDescriptor field, JsonNode json, Message.Builder builder) {
        if (field.isMapField()) {
            FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
            FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
            for (Iterator<Map.Entry<String, JsonNode>> pairs = json.fields(); pairs.hasNext(); ) {
                Map.Entry<String, JsonNode> pair = pairs.next();
                Message.Builder entry = builder.newBuilderForField(field);
                entry.setField(key, scalar(key, TextNode.valueOf(pair.getKey())));
                entry.setField(value, element(value, pair.getValue(), entry));
                builder.addRepeatedField(field, entry.build());
            }
        } else if (field.isRepeated()) {
            if (!json.isArray()) {
                throw new IllegalArgumentException(field.getName() + " is not a JSON array");
            }
            json.forEach(element -> builder.addRepeatedField(field, element(field, element, builder)));
        } else {
            builder.setField(field, element(field, json, builder));
        }
    }

    /** One value of {@code field} from {@code json}: a nested message built from its object, or a scalar. */
    private static Object element(FieldDescriptor field, JsonNode json, Message.Builder parent) {
        if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
            return scalar(field, json);
        }
        Message.Builder nested = parent.newBuilderForField(field);
        merge(json, nested);
        return nested.build();
    }

    private static Object scalar(FieldDescriptor field, JsonNode json) {
        if (!json.isValueNode()) {
            throw new IllegalArgumentException(field.getName() + " is not a JSON value");
        }
        return switch (field.getJavaType()) {
            case STRING -> json.asText();
            case BOOLEAN -> json.isBoolean() ? json.booleanValue() : Boolean.parseBoolean(json.asText());
            case INT -> Math.toIntExact(integer(field, json));
            case LONG -> integer(field, json);
            case DOUBLE -> json.isNumber() ? json.doubleValue() : Double.parseDouble(json.asText());
            case FLOAT -> json.isNumber() ? json.floatValue() : Float.parseFloat(json.asText());
            default -> throw new IllegalArgumentException("no JSON form for " + field.getFullName());
        };
    }

    private static long integer(FieldDescriptor field, JsonNode json) {
        if (json.isIntegralNumber() || json.isNumber() && json.canConvertToExactIntegral()) {
            return json.longValue();
        }
        if (json.isTextual()) {
            return Long.parseLong(json.textValue());
        }
        throw new IllegalArgumentException(field.getName() + " is not an integer");
    }

    private static Struct struct(JsonNode json) {
        Struct.Builder struct = Struct.newBuilder();
        json.fields().forEachRemaining(entry -> struct.putFields(entry.getKey(), value(entry.getValue())));
        return struct.build();
    }

    private static Value value(JsonNode json) {
        Value.Builder value = Value.newBuilder();
        if (json.isObject()) {
            value.setStructValue(struct(json));
        } else if (json.isArray()) {
            ListValue.Builder list = ListValue.newBuilder();
            json.forEach(element -> list.addValues(value(element)));
            value.setListValue(list);
        } else if (json.isNumber()) {
            value.setNumberValue(json.doubleValue());
        } else if (json.isBoolean()) {
            value.setBoolValue(json.booleanValue());
        } else if (json.isNull()) {
            value.setNullValue(NullValue.NULL_VALUE);
        } else {
            value.setStringValue(json.asText());
        }
        return value.build();
    }

    /** The fields of {@code type} by proto name and by JSON name. */
    private static Map<String, FieldDescriptor> fieldsByName(Descriptor type) {
        return FIELDS_BY_NAME.computeIfAbsent(type, descriptor -> {
            Map<String, FieldDescriptor> byName = new HashMap<>();
            for (FieldDescriptor field : descriptor.getFields()) {
                byName.put(field.getName(), field);
                byName.put(field.getJsonName(), field);
            }
            return Map.copyOf(byName);
        });
    }
}
