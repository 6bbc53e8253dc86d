package dev.vacant.infra.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mappings, matched path first. A request whose path is not a literal endpoint (such as
 * {@code GET /api/v1/vacants/{id}}) is checked against every mapping, and Spring checks a mapping's method, parameter,
 * header, consumes and produces conditions before its path: most of the lookup went into conditions of mappings
 * whose path could never match (a sixth of an authenticated GET's CPU, {@code docs/performance.md}). Here a mapping
 * whose path patterns do not match is passed over first; the ones that do are matched exactly as Spring matches them.
 */
@Configuration(proxyBeanMethods = false)
public class PathFirstRequestMappings implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new PathFirstHandlerMapping();
    }

    /** A {@link RequestMappingHandlerMapping} that rules out a mapping by its path before its other conditions. */
    public static final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && paths.getMatchingCondition(request) == null) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }
    }
}
