package dev.vacant.infra.tuple;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenAI-compatible provider under {@code vacant.providers.openai}; the provider is registered only when
 * {@code base-url} is set, and then needs a {@code model} ({@link #requireModel()}).
 *
 * @param baseUrl the server, without {@code /v1}
 * @param apiKey  bearer token (default: the {@code OPENAI_API_KEY} environment variable); never logged
 * @param model   the model of tasks whose data names none
 * @param timeout bounds connecting and each call
 */
@ConfigurationProperties("vacant.providers.openai")
public record OpenAiProperties(URI baseUrl, String apiKey, String model, @DefaultValue("60s") Duration timeout) {

    /** The default model; fails naming the property when it is missing. */
    public String requireModel() {
        if (model == null || model.isBlank()) {
            throw new IllegalStateException(
                    "vacant.providers.openai.model must be set when vacant.providers.openai.base-url is");
        }
        return model;
    }

    @Override
    public String toString() {
        return "OpenAiProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "" : "***")
                + ", model=" + model + ", timeout=" + timeout + "]";
    }
}
