package dev.vacant.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vacant.infra.config.VacantProperties;
import dev.vacant.infra.web.error.Problems;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Bearer-token security: public health, lifecycle and task tables, API docs, the dashboard's static files, checkpoints and
 * consistency proofs; the other actuator endpoints (metrics, Prometheus) for operators; everything else authenticated.
 * 401 and 403 answer problem+json with {@code UNAUTHENTICATED} / {@code FORBIDDEN}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The paths under {@code /api} that need no token. */
    public static final List<String> PUBLIC_API = List.of("/api/v1/lifecycle/**", "/api/v1/tasks/transitions");

    @Bean
    ApiTokens apiTokens(JdbcTemplate jdbc, Clock clock) {
        return new ApiTokens(jdbc, clock);
    }

    @Bean
    TokenAdministration tokenAdministration(ApiTokens tokens) {
        return new TokenAdministration(tokens);
    }

    @Bean
    @ConditionalOnProperty(name = "vacant.security.bootstrap-operator-token", havingValue = "true")
    OperatorTokenBootstrap operatorTokenBootstrap(ApiTokens tokens, VacantProperties properties) {
        return new OperatorTokenBootstrap(tokens, Path.of(properties.dataDir()));
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, ObjectMapper mapper) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_API.toArray(String[]::new)).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error",
                                // the dashboard's static files; its data calls carry the operator's token
                                "/ui", "/ui/**", "/webjars/**").permitAll()
                        // metrics (Prometheus included) are for operators
                        .requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name())
                        // checkpoints are for anyone to check; witnesses' cosignatures are checked by their signature
                        .requestMatchers(HttpMethod.GET, "/api/v1/checkpoints/**", "/api/v1/proofs/consistency").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/checkpoints/*/cosignatures").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> writeProblem(response, mapper,
                                ErrorCode.UNAUTHENTICATED, "A valid bearer token is required."))
                        .accessDeniedHandler((request, response, e) -> writeProblem(response, mapper,
                                ErrorCode.FORBIDDEN, "The caller may not do this.")))
                .build();
    }

    private static void writeProblem(HttpServletResponse response, ObjectMapper mapper, ErrorCode code, String detail)
            throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), Problems.of(code, detail, Map.of()));
    }
}
