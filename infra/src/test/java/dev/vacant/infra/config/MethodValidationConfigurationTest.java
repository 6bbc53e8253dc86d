package dev.vacant.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.validation.annotation.Validated;

/** Method validation that resolves its validator once and remembers each method's groups, still validating. */
class MethodValidationConfigurationTest {

    interface Group {
    }

    /** A validated service. */
    @Validated(Group.class)
    public static class Service {
        public int page(@Min(value = 1, groups = Group.class) int page) {
            return page;
        }
    }

    @Test
    void interceptor_resolvesTheValidatorOnce_andStillRefusesInvalidArguments() {
        AtomicInteger resolutions = new AtomicInteger();
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        Supplier<Validator> provider = () -> {
            resolutions.incrementAndGet();
            return validator;
        };
        ProxyFactory factory = new ProxyFactory(new Service());
        factory.setProxyTargetClass(true);
        factory.addAdvice(new MethodValidationConfiguration.RememberingInterceptor(
                org.springframework.util.function.SingletonSupplier.of(provider), false));
        Service service = (Service) factory.getProxy();

        for (int i = 1; i <= 3; i++) {
            assertThat(service.page(i)).isEqualTo(i);
        }
        assertThatThrownBy(() -> service.page(0)).isInstanceOf(ConstraintViolationException.class);
        assertThat(resolutions).hasValue(1);
    }

    @Test
    void interceptor_findsAMethodsGroupsOnce() throws Exception {
        var interceptor = new MethodValidationConfiguration.RememberingInterceptor(
                () -> Validation.buildDefaultValidatorFactory().getValidator(), false);
        Service target = new Service();
        var method = Service.class.getMethod("page", int.class);
        org.aopalliance.intercept.MethodInvocation invocation = new org.aopalliance.intercept.MethodInvocation() {
            public java.lang.reflect.Method getMethod() { return method; }
            public Object[] getArguments() { return new Object[] {1}; }
            public Object proceed() { return 1; }
            public Object getThis() { return target; }
            public java.lang.reflect.AccessibleObject getStaticPart() { return method; }
        };

        Class<?>[] first = interceptor.determineValidationGroups(invocation);

        assertThat(first).containsExactly(Group.class);
        assertThat(interceptor.determineValidationGroups(invocation)).isSameAs(first);
    }
}
