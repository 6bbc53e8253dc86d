package dev.vacant.infra.config;

import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.beanvalidation.FilteredMethodValidationPostProcessor;
import org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.validation.beanvalidation.MethodValidationInterceptor;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/**
 * Method validation of the application services ({@code @Validated}), as Spring Boot configures it, minus two costs
 * it pays on every call: Boot hands the interceptor a validator provider that resolves the validator bean anew on
 * each call, and the interceptor looks up the method's {@code @Validated} groups by annotation search each time. Here
 * the validator is resolved once and each method's groups are remembered (profiled in {@code docs/performance.md}:
 * about a sixth of an authenticated GET's CPU went to the two).
 */
@Configuration(proxyBeanMethods = false)
public class MethodValidationConfiguration {

    /** Replaces Boot's processor of the same type (its bean backs off when one is defined). */
    @Bean
    static MethodValidationPostProcessor methodValidationPostProcessor(
            Environment environment, ObjectProvider<Validator> validator,
            ObjectProvider<MethodValidationExcludeFilter> excludeFilters) {
        boolean adaptViolations = environment.getProperty("spring.validation.method.adapt-constraint-violations",
                Boolean.class, false);
        MethodValidationPostProcessor processor = new FilteredMethodValidationPostProcessor(excludeFilters.orderedStream()) {
            @Override
            protected Advice createMethodValidationAdvice(Supplier<Validator> validatorSupplier) {
                return new RememberingInterceptor(SingletonSupplier.of(validatorSupplier), adaptViolations);
            }
        };
        processor.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
        processor.setValidatorProvider(validator);
        processor.setAdaptConstraintViolations(adaptViolations);
        return processor;
    }

    /** A {@link MethodValidationInterceptor} that finds each (method, target class)'s validation groups once. */
    static final class RememberingInterceptor extends MethodValidationInterceptor {

        private record Target(Method method, Class<?> type) {
        }

        private final Map<Target, Class<?>[]> groups = new ConcurrentHashMap<>();

        RememberingInterceptor(Supplier<Validator> validator, boolean adaptViolations) {
            super(validator, adaptViolations);
        }

        @Override
        protected Class<?>[] determineValidationGroups(MethodInvocation invocation) {
            Object target = invocation.getThis();
            Target key = new Target(invocation.getMethod(), target == null ? null : AopUtils.getTargetClass(target));
            return groups.computeIfAbsent(key, k -> super.determineValidationGroups(invocation));
        }
    }
}
