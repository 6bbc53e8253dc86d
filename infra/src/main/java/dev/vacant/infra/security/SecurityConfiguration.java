package dev.vacant.infra.security;

import dev.vacant.infra.config.VacantProperties;
import dev.vacant.infra.web.error.ProblemResponses;
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
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Bearer-token security: public health, lifecycle and task tables, API docs, the dashboard's static files, checkpoints and
 * consistency proofs; the other actuator endpoints (metrics, Prometheus) for operators; everything else authenticated.
 * 401 and 403 answer problem+json with {@code UNAUTHENTICATED} / {@code FORBIDDEN}.
 *
 * <p>A request carries only what a token API needs (issue 18, {@code docs/performance.md}): stateless, no CSRF, HTTP
 * Basic, form login, logout or saved-request filters, no observing wrapper around each filter, and the authorization
 * rules match paths with plain {@link PathPatternRequestMatcher}s instead of asking Spring MVC's handler mappings.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The paths under {@code /api} that need no token. */
    private static final String FILTER_CHAIN = "springSecurityFilterChain";
    private static final String COMPOSITE_CHAIN =
            "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration$CompositeFilterChainProxy";

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

    /**
     * No observation of the security filters: with an observation registry (actuator) Spring Security otherwise wraps
     * every filter of the chain in an observing decorator on every request, even with its observations turned off
     * ({@code management.observations.enable.spring.security=false} only makes them no-ops). HTTP request metrics
     * ({@code http.server.requests}) stay.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * No handler lookup for Spring Security before Spring MVC's own: with Spring MVC present, Spring Security wraps
     * its filter chain in a composite whose first filter asks every handler mapping which handler a request goes to
     * ({@code HandlerMappingIntrospector}'s cache filter), for {@code MvcRequestMatcher}s and CORS lookups. This
     * chain has neither (its rules are {@link PathPatternRequestMatcher}s, no CORS), so the lookup only doubled the
     * {@code DispatcherServlet}'s (about a seventh of an authenticated GET's CPU, {@code docs/performance.md}).
     * Runs after every bean-definition registry post-processor, Spring Security's included, and puts its original
     * chain back.
     */
    @Bean
    static BeanFactoryPostProcessor securityChainWithoutHandlerLookup() {
        return factory -> {
            if (factory instanceof BeanDefinitionRegistry registry && registry.containsBeanDefinition(FILTER_CHAIN)) {
                BeanDefinition chain = registry.getBeanDefinition(FILTER_CHAIN);
                var filters = chain.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
                if (COMPOSITE_CHAIN.equals(chain.getBeanClassName()) && filters != null
                        && filters.getValue() instanceof List<?> list && !list.isEmpty()
                        && list.get(list.size() - 1) instanceof BeanDefinition original) {
                    registry.removeBeanDefinition(FILTER_CHAIN);
                    registry.registerBeanDefinition(FILTER_CHAIN, original);
                }
            }
        };
    }

    /** Makes every {@code requestMatchers(String...)} below a {@link PathPatternRequestMatcher}. */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
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
                        .authenticationEntryPoint((request, response, e) -> writeProblem(response,
                                ErrorCode.UNAUTHENTICATED, "A valid bearer token is required."))
                        .accessDeniedHandler((request, response, e) -> writeProblem(response,
                                ErrorCode.FORBIDDEN, "The caller may not do this.")))
                .build();
    }

    /**
     * Spring Security's strict firewall with its own rules for header names, header values and parameter names,
     * checked without a regular expression per call ({@link FirewallText}).
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallText.NAME);
        firewall.setAllowedHeaderValues(FirewallText.HEADER_VALUE);
        firewall.setAllowedParameterNames(FirewallText.NAME);
        return firewall;
    }

    /**
     * What Spring Security's firewall refuses (an encoded {@code /}, {@code ;}, CR/LF or {@code %00} in the path, a
     * header with control characters) is {@code VALIDATION_FAILED} 400, not a 500 through the error page.
     */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> writeProblem(response, ErrorCode.VALIDATION_FAILED,
                "The request URL or headers were rejected.");
    }

    private static void writeProblem(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        ProblemResponses.write(response, Problems.of(code, detail, Map.of()));
    }
}
