package dev.vacant.infra.command;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Axon's {@link AnnotationCommandTargetResolver} with each command class's annotated members looked up once, not on
 * every command: Axon's lists and copies every method and field of the command's class per command (about 2 % of a
 * command's CPU, {@code docs/performance.md}, "Session 8"). Same rules: the first method, else the first field, marked
 * {@link TargetAggregateIdentifier} (and {@link TargetAggregateVersion}), the same exceptions.
 */
public final class CachedCommandTargetResolver implements CommandTargetResolver {

    private final ClassValue<Member> identifiers = annotated(TargetAggregateIdentifier.class);
    private final ClassValue<Member> versions = annotated(TargetAggregateVersion.class);

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object identifier;
        Object version;
        try {
            identifier = read(identifiers.get(command.getPayloadType()), command.getPayload());
            version = read(versions.get(command.getPayloadType()), command.getPayload());
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "An exception occurred while extracting aggregate information form a command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("The current security context does not allow extraction of "
                    + "aggregate information from the given command.", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target "
                    + "aggregate. Make sure at least one of the fields or methods in the [%s] class contains the "
                    + "@TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, asLong(version));
    }

    private static ClassValue<Member> annotated(Class<? extends Annotation> annotation) {
        return new ClassValue<>() {
            @Override
            protected Member computeValue(Class<?> type) {
                for (Method method : ReflectionUtils.methodsOf(type)) {
                    if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                        return ReflectionUtils.ensureAccessible(method);
                    }
                }
                for (Field field : ReflectionUtils.fieldsOf(type)) {
                    if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                        return ReflectionUtils.ensureAccessible(field);
                    }
                }
                return null;
            }
        };
    }

    private static Object read(Member member, Object payload) throws InvocationTargetException, IllegalAccessException {
        if (member instanceof Method method) {
            return method.invoke(payload);
        }
        return member == null ? null : ReflectionUtils.getFieldValue((Field) member, payload);
    }

    private static Long asLong(Object version) {
        if (version == null) {
            return null;
        }
        if (version instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(version.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
    }
}
