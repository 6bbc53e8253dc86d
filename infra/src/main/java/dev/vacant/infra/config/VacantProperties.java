package dev.vacant.infra.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Application settings under {@code vacant.*}.
 *
 * @param dataDir directory of the embedded H2 database files (default {@code ./data}); H2 accepts
 *                only absolute paths and paths starting with {@code ./} or {@code ../}
 */
@Validated
@ConfigurationProperties("vacant")
public record VacantProperties(
        @NotBlank
        @Pattern(regexp = "^(\\.{1,2}/|/|[A-Za-z]:[\\\\/]).*", message = "must be absolute or start with ./ or ../")
        String dataDir) {
}
