package dev.vacant.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.composite.BehaviourCollusionDetector;
import dev.vacant.kernel.composite.CollusionDetector;
import dev.vacant.kernel.composite.CollusionWeights;
import dev.vacant.kernel.composite.GraduationGate;
import dev.vacant.kernel.drift.DriftSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GraduationPropertiesTest {

    @EnableConfigurationProperties(GraduationProperties.class)
    static class PropertiesOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

    private GraduationGate gate(org.springframework.context.ApplicationContext context) {
        return context.getBean(GraduationProperties.class).gate(DriftSettings.DEFAULTS);
    }

    @Test
    void gate_takesTheSpecDefaults_whenNothingIsSet() {
        runner.run(context -> assertThat(gate(context)).isEqualTo(new GraduationGate(3, 0.7,
                new BehaviourCollusionDetector(CollusionWeights.DEFAULTS, DriftSettings.DEFAULTS))));
    }

    @Test
    void gate_bindsTheSpecPropertyNames_andTheNoneDetector() {
        runner.withPropertyValues("vacant.graduation.rate-limit-per-24h=5", "vacant.graduation.collusion-threshold=0.9",
                        "vacant.graduation.detector=none")
                .run(context -> assertThat(gate(context)).isEqualTo(new GraduationGate(5, 0.9, CollusionDetector.NONE)));
    }

    @Test
    void gate_bindsTheSignalWeights() {
        runner.withPropertyValues("vacant.graduation.controller-weight=0.4", "vacant.graduation.same-model-weight=0.2",
                        "vacant.graduation.same-family-weight=0.1")
                .run(context -> assertThat(gate(context).detector()).isEqualTo(new BehaviourCollusionDetector(
                        new CollusionWeights(0.4, 0.2, 0.1), DriftSettings.DEFAULTS)));
    }
}
