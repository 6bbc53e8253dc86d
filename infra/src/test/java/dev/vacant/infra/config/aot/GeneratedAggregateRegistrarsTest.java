package dev.vacant.infra.config.aot;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.spring.config.SpringAggregateLookup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.support.GenericApplicationContext;

/** Axon's aggregate lookup runs at build time; an AOT-mode start skips it, a regular start keeps it. */
class GeneratedAggregateRegistrarsTest {

    @AfterEach
    void regularMode() {
        System.clearProperty(AotDetector.AOT_ENABLED);
    }

    private static DefaultListableBeanFactory definitions(String... names) {
        DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
        registry.registerBeanDefinition(GeneratedAggregateRegistrars.LOOKUP,
                new RootBeanDefinition(SpringAggregateLookup.class));
        for (String name : names) {
            registry.registerBeanDefinition(name, new RootBeanDefinition(Object.class));
        }
        return registry;
    }

    @Test
    void generatedRegistrars_removeTheLookup() {
        DefaultListableBeanFactory registry = definitions("vacant", "vacant$$Registrar");
        new GeneratedAggregateRegistrars.LookupRemover().postProcessBeanDefinitionRegistry(registry);
        assertThat(registry.containsBeanDefinition(GeneratedAggregateRegistrars.LOOKUP)).isFalse();
        assertThat(registry.containsBeanDefinition("vacant$$Registrar")).isTrue();
    }

    @Test
    void withoutRegistrars_theLookupStays() {
        DefaultListableBeanFactory registry = definitions("vacant");
        new GeneratedAggregateRegistrars.LookupRemover().postProcessBeanDefinitionRegistry(registry);
        assertThat(registry.containsBeanDefinition(GeneratedAggregateRegistrars.LOOKUP)).isTrue();
    }

    @Test
    void onlyAnAotModeStart_getsTheRemover() {
        GenericApplicationContext regular = new GenericApplicationContext();
        new GeneratedAggregateRegistrars().initialize(regular);
        assertThat(regular.getBeanFactoryPostProcessors()).isEmpty();

        System.setProperty(AotDetector.AOT_ENABLED, "true");
        GenericApplicationContext aot = new GenericApplicationContext();
        new GeneratedAggregateRegistrars().initialize(aot);
        assertThat(aot.getBeanFactoryPostProcessors())
                .singleElement().isInstanceOf(GeneratedAggregateRegistrars.LookupRemover.class);
    }
}
