package dev.vacant.infra.security;

import dev.vacant.kernel.auth.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * On first start of the embedded default, issues an operator token and writes it (mode 0600) to
 * {@code <data-dir>/operator.token}, logging only the file's path, never the token.
 */
public class OperatorTokenBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorTokenBootstrap.class);
    static final String FILE_NAME = "operator.token";

    private final ApiTokens tokens;
    private final Path dataDir;

    public OperatorTokenBootstrap(ApiTokens tokens, Path dataDir) {
        this.tokens = tokens;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        if (tokens.hasOperator()) {
            log.info("Operator token: see {}", file);
            return;
        }
        String token = tokens.create("operator", Role.OPERATOR);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, token + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        log.warn("Created the first operator token; it is in {} (mode 0600). Use it as 'Authorization: Bearer <token>'.", file);
    }
}
