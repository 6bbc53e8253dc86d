package dev.vacant.infra.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.vacant.infra.security.ApiTokens;
import dev.vacant.kernel.auth.Role;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/** An operator token for the shared test context; its MockMvc requests carry it unless they set their own. */
@TestConfiguration(proxyBeanMethods = false)
public class OperatorMockMvc {

    /** The operator bearer token of the running test context. */
    public record OperatorToken(String value) {
    }

    @Bean
    OperatorToken operatorToken(ApiTokens tokens) {
        return new OperatorToken(tokens.create("test-operator", Role.OPERATOR));
    }

    @Bean
    MockMvcBuilderCustomizer operatorBearerToken(OperatorToken token) {
        return builder -> builder.defaultRequest(get("/").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value()));
    }
}
