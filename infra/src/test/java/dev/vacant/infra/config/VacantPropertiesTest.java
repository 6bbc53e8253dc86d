package dev.vacant.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class VacantPropertiesTest {

    @EnableConfigurationProperties(VacantProperties.class)
    static class PropertiesOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

    @Test
    void dataDir_isBound_whenRelativeToTheWorkingDirectory() {
        runner.withPropertyValues("vacant.data-dir=./data")
                .run(context -> assertThat(context.getBean(VacantProperties.class).dataDir()).isEqualTo("./data"));
    }

    @Test
    void dataDir_isBound_whenAbsolute() {
        runner.withPropertyValues("vacant.data-dir=/var/lib/vacant")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void startup_fails_whenTheDataDirIsABareRelativePathH2WouldReject() {
        runner.withPropertyValues("vacant.data-dir=data")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContainingAll("vacant.data-dir", "must be absolute or start with ./ or ../"));
    }
}
