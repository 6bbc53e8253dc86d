package dev.vacant.infra.config.aot;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;

/**
 * Hears, while the build processes the application context ahead of time ({@code spring.aot.processing}), the name
 * of every property looked up, which is how the context's conditions read their inputs: a first property source that
 * holds nothing and notes each name it is asked for. {@link AotConditionInputsContribution} writes what it heard.
 * Outside the build's processing it adds nothing.
 */
public class AotConditionInputsRecorder implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The name of the recording property source. */
    static final String SOURCE = "vacantAotConditionInputs";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (Boolean.getBoolean("spring.aot.processing")) {
            context.getEnvironment().getPropertySources().addFirst(new Names());
        }
    }

    /** A property source that holds nothing and notes every name it is asked for. */
    static final class Names extends PropertySource<Set<String>> {

        Names() {
            super(SOURCE, ConcurrentHashMap.newKeySet());
        }

        @Override
        public Object getProperty(String name) {
            getSource().add(name);
            return null;
        }
    }
}
