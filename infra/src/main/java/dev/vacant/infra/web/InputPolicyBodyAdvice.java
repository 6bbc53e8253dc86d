package dev.vacant.infra.web;

import dev.vacant.kernel.input.InputPolicy;
import dev.vacant.kernel.input.NumberRule;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Applies the kernel's {@link InputPolicy} to every REST request body as soon as it is read, before Bean Validation:
 * a hostile text (U+0000, C0 controls, lone surrogates) or a number I-JSON cannot carry exactly is
 * {@code VALIDATION_FAILED} naming the field as the client sent it. The command bus and the tuple gateway apply the
 * same policy again for every other adapter.
 */
@ControllerAdvice
public class InputPolicyBodyAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        InputPolicy.require(body, NumberRule.EXACT);
        return body;
    }
}
