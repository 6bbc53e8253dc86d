package dev.vacant.infra.config.aot;

import java.util.Arrays;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * In AOT mode, leaves Axon's aggregate lookup out of the start. {@code SpringAggregateLookup} asks every bean
 * definition whether its type is an {@code @Aggregate} (resolving, and so loading, each bean's class: 0.35 s of an
 * AOT start without the CDS archive) and registers a registrar per aggregate ({@code <aggregate>$$Registrar}). The
 * build ran it while it processed the context, so in AOT mode the registrars are among the generated definitions and
 * the lookup, finding them, would do nothing more. Outside AOT mode, or if no registrar was generated, the lookup
 * stays.
 */
public class GeneratedAggregateRegistrars implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The bean name of Axon's lookup ({@code InfraConfiguration.springAggregateLookup}). */
    static final String LOOKUP = "springAggregateLookup";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (AotDetector.useGeneratedArtifacts()) {
            context.addBeanFactoryPostProcessor(new LookupRemover());
        }
    }

    /** Removes the lookup's definition when registrars are already defined. */
    static final class LookupRemover implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            if (registry.containsBeanDefinition(LOOKUP) && Arrays.stream(registry.getBeanDefinitionNames())
                    .anyMatch(name -> name.endsWith("$$Registrar"))) {
                registry.removeBeanDefinition(LOOKUP);
            }
        }
    }
}
