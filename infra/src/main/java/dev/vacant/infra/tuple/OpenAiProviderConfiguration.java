package dev.vacant.infra.tuple;

import dev.vacant.command.tuple.lane.ProviderPort;
import dev.vacant.infra.tuple.provider.OpenAiChatProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@link OpenAiChatProvider} when {@code vacant.providers.openai.base-url} is set; without it there
 * is no provider bean and provider-bound tasks fail {@code PROVIDER_NOT_CONFIGURED}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "vacant.providers.openai", name = "base-url")
@EnableConfigurationProperties(OpenAiProperties.class)
public class OpenAiProviderConfiguration {

    @Bean
    ProviderPort openAiProvider(OpenAiProperties properties) {
        return new OpenAiChatProvider(properties.baseUrl(), properties.apiKey(), properties.requireModel(),
                properties.timeout());
    }
}
