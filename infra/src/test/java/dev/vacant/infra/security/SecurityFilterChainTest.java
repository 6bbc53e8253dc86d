package dev.vacant.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.vacant.VacantApiTestBase;
import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.savedrequest.RequestCacheAwareFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;

/** The security filter chain does only what a bearer-token API needs on every request (issue 18). */
class SecurityFilterChainTest extends VacantApiTestBase {

    @Autowired
    private SecurityFilterChain apiSecurity;
    @Autowired
    private ApplicationContext context;

    private List<Class<?>> filterTypes() {
        return apiSecurity.getFilters().stream().map(Filter::getClass).<Class<?>>map(c -> c).toList();
    }

    @Test
    void chain_authenticatesBearerTokens_withoutCsrfLoginLogoutOrSavedRequestFilters() {
        assertThat(filterTypes()).contains(BearerTokenFilter.class).doesNotContain(LogoutFilter.class,
                RequestCacheAwareFilter.class, CsrfFilter.class, BasicAuthenticationFilter.class,
                UsernamePasswordAuthenticationFilter.class);
    }

    @Test
    void authorizationRules_matchPathPatterns_notSpringMvcHandlerLookups() {
        assertThat(context.getBeanProvider(PathPatternRequestMatcher.Builder.class).getIfAvailable()).isNotNull();
    }

    @Test
    void securityChain_isNotWrappedInAHandlerMappingLookup() {
        Object chain = context.getBean("springSecurityFilterChain");

        assertThat(chain).isInstanceOf(org.springframework.security.web.FilterChainProxy.class);
        // Spring Security's MVC integration would wrap the chain in its own composite, led by the lookup's cache filter
        assertThat(chain.getClass().getName()).doesNotContain("WebMvcSecurityConfiguration");
    }

    @Test
    void requestMappings_areMatchedPathFirst() {
        assertThat(context.getBean("requestMappingHandlerMapping"))
                .isInstanceOf(dev.vacant.infra.web.PathFirstRequestMappings.PathFirstHandlerMapping.class);
    }

    @Test
    void firewall_isTheStrictOne_withRulesCheckedWithoutARegularExpressionPerHeader() {
        assertThat(context.getBean(HttpFirewall.class)).isInstanceOf(StrictHttpFirewall.class)
                .hasFieldOrPropertyWithValue("allowedHeaderNames", FirewallText.NAME)
                .hasFieldOrPropertyWithValue("allowedHeaderValues", FirewallText.HEADER_VALUE)
                .hasFieldOrPropertyWithValue("allowedParameterNames", FirewallText.NAME);
        // the chain Spring Security builds (inside its composite) checks every request with that firewall
        assertThat(context.getBean("springSecurityFilterChain"))
                .hasFieldOrPropertyWithValue("springSecurityFilterChain.firewall", context.getBean(HttpFirewall.class));
    }

    @Test
    void dispatcherServlet_publishesNoEventPerRequest() {
        assertThat(context.getBean(DispatcherServlet.class)).hasFieldOrPropertyWithValue("publishEvents", false);
    }

    @Test
    void securityFilters_areNotWrappedInObservations() {
        SecurityObservationSettings settings = context.getBean(SecurityObservationSettings.class);

        assertThat(settings.shouldObserveRequests()).isFalse();
        assertThat(settings.shouldObserveAuthorizations()).isFalse();
    }

    @Test
    void authenticatedGet_answersWithoutASessionCookie_andTheRulesStillHold() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI vacants = URI.create("http://127.0.0.1:" + port + "/api/v1/vacants");

        HttpResponse<String> authenticated = http.send(HttpRequest.newBuilder(vacants)
                .header("Authorization", "Bearer " + aliceToken).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(vacants).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(authenticated.statusCode()).isEqualTo(200);
        assertThat(authenticated.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/lifecycle/transitions", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", aliceToken).status()).isEqualTo(403);
    }
}
