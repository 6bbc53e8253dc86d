package dev.vacant.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings under {@code vacant.security}.
 *
 * @param bootstrapOperatorToken create an operator token on first start and write it to the data directory
 *                               (the embedded default)
 */
@ConfigurationProperties("vacant.security")
public record SecurityProperties(boolean bootstrapOperatorToken) {
}
