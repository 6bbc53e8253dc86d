package dev.vacant.infra.config.aot;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * At build time, after the context's conditions have been decided, writes the properties they looked up
 * ({@link AotConditionInputsRecorder}) with their values, and the active profiles, as
 * {@link AotConditionInputs#RESOURCE}, which {@link AotModeGuard} checks each AOT-mode start against.
 */
public class AotConditionInputsContribution implements BeanFactoryInitializationAotProcessor {

    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        ConfigurableEnvironment environment = beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME,
                ConfigurableEnvironment.class);
        PropertySource<?> recorder = environment.getPropertySources().remove(AotConditionInputsRecorder.SOURCE);
        if (!(recorder instanceof AotConditionInputsRecorder.Names names)) {
            return null;
        }
        byte[] inputs = AotConditionInputs.of(List.copyOf(names.getSource()), environment::getProperty,
                List.of(environment.getActiveProfiles())).toBytes();
        return (generation, code) -> generation.getGeneratedFiles()
                .addResourceFile(AotConditionInputs.RESOURCE, () -> new ByteArrayInputStream(inputs));
    }
}
