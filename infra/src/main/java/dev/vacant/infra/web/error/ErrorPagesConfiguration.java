package dev.vacant.infra.web.error;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes every error answer of the embedded Tomcat a problem: {@link ProblemErrorReportValve} replaces Tomcat's HTML
 * error report on the host, and also runs first on the engine, for requests refused before a host is mapped.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorPagesConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> {
            factory.addEngineValves(new ProblemErrorReportValve());
            factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                    .setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
        };
    }
}
