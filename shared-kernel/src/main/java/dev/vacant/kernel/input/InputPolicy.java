package dev.vacant.kernel.input;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The input policy of every command and tuple op: every text it carries (strings, JSON strings, JSON member names and
 * map keys) obeys the {@link TextRule}, and every JSON number the given {@link NumberRule}. It is applied where
 * commands and ops enter the application (the command bus and the tuple gateway), so every adapter gets it, and to
 * REST bodies as they are read, so REST names the field as the client sent it.
 * <p>
 * It walks records (components named by their {@code @JsonProperty} name or in snake_case), collections, maps,
 * optionals and JSON trees, and names the first offending field as a path: {@code bundle.system_prompt},
 * {@code plan[1].text}, {@code extra.load}. Other values (numbers, enums, ids, times) carry no free text.
 */
public final class InputPolicy {

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return Component.of(type);
        }
    };

    private InputPolicy() {
    }

    /** Fails with {@code VALIDATION_FAILED} naming the first field of {@code input} that breaks the policy. */
    public static void require(Object input, NumberRule numbers) {
        require("", input, numbers);
    }

    /** As {@link #require(Object, NumberRule)} for the value of {@code field}, whose path prefixes the names. */
    public static void require(String field, Object value, NumberRule numbers) {
        violation(field, value, numbers).ifPresent(violation -> {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, violation.field() + ": " + violation.message(),
                    Map.of("errors", List.of(violation)));
        });
    }

    /** The first field of {@code input} that breaks the policy, if any. */
    public static Optional<FieldViolation> violation(Object input, NumberRule numbers) {
        return violation("", input, numbers);
    }

    private static Optional<FieldViolation> violation(String field, Object value, NumberRule numbers) {
        return Optional.ofNullable(walk(value, field, numbers));
    }

    private static FieldViolation walk(Object value, String path, NumberRule numbers) {
        if (value instanceof CharSequence text) {
            return text(text, path);
        }
        if (value instanceof JsonNode node) {
            return json(node, path, numbers);
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                FieldViolation violation = walk(item, path + "[" + index++ + "]", numbers);
                if (violation != null) {
                    return violation;
                }
            }
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                FieldViolation violation = key(key, path);
                if (violation == null) {
                    violation = walk(entry.getValue(), child(path, key), numbers);
                }
                if (violation != null) {
                    return violation;
                }
            }
            return null;
        }
        if (value instanceof Optional<?> optional) {
            return walk(optional.orElse(null), path, numbers);
        }
        if (value != null && value.getClass().isRecord()) {
            for (Component component : COMPONENTS.get(value.getClass())) {
                FieldViolation violation = walk(component.read(value), child(path, component.name()), numbers);
                if (violation != null) {
                    return violation;
                }
            }
        }
        return null;
    }

    private static FieldViolation json(JsonNode node, String path, NumberRule numbers) {
        if (node.isTextual()) {
            return text(node.textValue(), path);
        }
        if (node.isNumber()) {
            return numbers.violation(node).map(message -> new FieldViolation(path, message)).orElse(null);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                FieldViolation violation = key(field.getKey(), path);
                if (violation == null) {
                    violation = json(field.getValue(), child(path, field.getKey()), numbers);
                }
                if (violation != null) {
                    return violation;
                }
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            FieldViolation violation = json(node.get(i), path + "[" + i + "]", numbers);
            if (violation != null) {
                return violation;
            }
        }
        return null;
    }

    private static FieldViolation text(CharSequence text, String path) {
        return TextRule.violation(text).map(message -> new FieldViolation(path, message)).orElse(null);
    }

    /** A bad member name is reported on its object: echoing it in the path would carry the bad text back. */
    private static FieldViolation key(String key, String path) {
        return TextRule.violation(key).map(message -> new FieldViolation(path, "member names " + message)).orElse(null);
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A record component: its API name and its accessor. */
    private record Component(String name, Method accessor) {

        static List<Component> of(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(Component::of).toList();
        }

        private static Component of(RecordComponent component) {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            JsonProperty property = accessor.getAnnotation(JsonProperty.class);
            String name = property != null && !property.value().isEmpty()
                    ? property.value() : FieldNames.snakeCase(component.getName());
            return new Component(name, accessor);
        }

        Object read(Object record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + name + " of " + record.getClass().getName(), e);
            }
        }
    }
}
