package dev.vacant.infra.config.aot;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.NativeDetector;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * In Spring's AOT mode ({@code -Dspring.aot.enabled=true}, which the launcher gives the embedded default), checks
 * this start's condition inputs against the build's ({@link AotConditionInputs}) before the context is created. If
 * they differ (a property that switches beans, another profile), or the jar holds none, the start goes on in the
 * regular mode, whose conditions read this start's properties, and says why. So the AOT-processed context, decided
 * at build time, only runs where its conditions would have decided the same. Runs after the other environment
 * post-processors, once the environment holds every property.
 */
public class AotModeGuard implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    public AotModeGuard(DeferredLogFactory logs) {
        this.log = logs.getLog(AotModeGuard.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!AotDetector.useGeneratedArtifacts() || NativeDetector.inNativeImage()) {
            return;
        }
        reasonToLeave(environment, application.getClassLoader()).ifPresent(reason -> {
            System.setProperty(AotDetector.AOT_ENABLED, "false");
            log.info("Starting without the AOT-processed context: " + reason);
        });
    }

    /** Why this start cannot run the AOT-processed context the class path holds, or empty if it can. */
    private static Optional<String> reasonToLeave(ConfigurableEnvironment environment, ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(AotConditionInputs.RESOURCE)) {
            if (in == null) {
                return Optional.of("the class path holds no " + AotConditionInputs.RESOURCE);
            }
            return AotConditionInputs.read(in).mismatch(environment::getProperty,
                    List.of(environment.getActiveProfiles()));
        } catch (IOException e) {
            return Optional.of("cannot read " + AotConditionInputs.RESOURCE + ": " + e.getMessage());
        }
    }
}
