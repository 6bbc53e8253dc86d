package dev.vacant.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPatternParser;

/** Request mappings are ruled out by their path before their other conditions are evaluated, matching as before. */
class PathFirstRequestMappingsTest {

    private static final RequestMappingInfo.BuilderConfiguration CONFIG = new RequestMappingInfo.BuilderConfiguration();

    static {
        CONFIG.setPatternParser(PathPatternParser.defaultInstance);
    }

    /** A request that counts how often a mapping's parameter condition reads its parameters. */
    private static final class CountingRequest extends MockHttpServletRequest {
        private final AtomicInteger parameterReads = new AtomicInteger();

        CountingRequest(String method, String path) {
            super(method, path);
            ServletRequestPathUtils.parseAndCache(this);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            parameterReads.incrementAndGet();
            return super.getParameterMap();
        }
    }

    private final PathFirstRequestMappings.PathFirstHandlerMapping mapping =
            new PathFirstRequestMappings.PathFirstHandlerMapping();
    private final RequestMappingInfo lanes = RequestMappingInfo.paths("/api/v1/lanes/{lane}/tuples")
            .methods(RequestMethod.GET).params("yool").options(CONFIG).build();

    @Test
    void aMappingWhosePathCannotMatch_isPassedOver_beforeItsParameterConditionIsEvaluated() {
        CountingRequest request = new CountingRequest("GET", "/api/v1/vacants/vac_1");

        assertThat(mapping.getMatchingMapping(lanes, request)).isNull();
        assertThat(request.parameterReads).hasValue(0);
    }

    @Test
    void aMappingWhosePathMatches_isMatchedByAllItsConditions_asSpringMatchesIt() {
        CountingRequest withYool = new CountingRequest("GET", "/api/v1/lanes/jobs/tuples");
        withYool.setParameter("yool", "job");
        CountingRequest withoutYool = new CountingRequest("GET", "/api/v1/lanes/jobs/tuples");

        assertThat(mapping.getMatchingMapping(lanes, withYool)).isEqualTo(lanes.getMatchingCondition(withYool));
        assertThat(mapping.getMatchingMapping(lanes, withoutYool)).isNull();
        assertThat(withYool.parameterReads.get()).isPositive();
    }
}
