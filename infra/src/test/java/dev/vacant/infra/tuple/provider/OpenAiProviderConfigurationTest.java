package dev.vacant.infra.tuple.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.tuple.OpenAiProperties;
import dev.vacant.infra.tuple.OpenAiProviderConfiguration;
import dev.vacant.command.tuple.lane.ProviderPort;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The provider bean exists exactly when a base URL is configured, and then needs a model. */
class OpenAiProviderConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(OpenAiProviderConfiguration.class);

    @Test
    void noProviderBean_isRegistered_whenNoBaseUrlIsConfigured() {
        context.run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(ProviderPort.class));
    }

    @Test
    void theOpenAiProvider_isRegistered_whenABaseUrlAndAModelAreConfigured() {
        context.withPropertyValues("vacant.providers.openai.base-url=http://127.0.0.1:1",
                        "vacant.providers.openai.model=gpt-test", "vacant.providers.openai.api-key=sk-secret")
                .run(app -> {
                    assertThat(app.getBean(ProviderPort.class).name()).isEqualTo(OpenAiChatProvider.NAME);
                    assertThat(app.getBean(OpenAiProperties.class).toString()).doesNotContain("sk-secret");
                });
    }

    @Test
    void startup_fails_whenABaseUrlIsConfiguredWithoutAModel() {
        context.withPropertyValues("vacant.providers.openai.base-url=http://127.0.0.1:1")
                .run(app -> assertThat(app).hasFailed().getFailure().hasStackTraceContaining(
                        "vacant.providers.openai.model must be set when vacant.providers.openai.base-url is"));
    }
}
