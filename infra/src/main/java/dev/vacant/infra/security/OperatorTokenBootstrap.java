package dev.vacant.infra.security;

import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.auth.TokenGrant;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * On first start (no operator token in the database), issues an operator token into the {@link TokenFile}
 * {@code <data-dir>/operator.token}, logging only the file's path, never the token. It never replaces an existing
 * file: that file may hold the token of another database (the embedded default and the {@code postgres} profile
 * share the default data directory), so it refuses with a warning that says how to issue a token instead.
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
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        if (tokens.hasOperator()) {
            log.info("The database has an operator token; no token file is written (issue more with 'vacant token create').");
            return;
        }
        try {
            TokenFile.write(file, () -> tokens.issue(new TokenGrant(Role.OPERATOR, TokenGrant.OPERATOR, "bootstrap")));
        } catch (FileAlreadyExistsException e) {
            refuse(file);
            return;
        }
        log.warn("Created the first operator token; it is in {} (mode 0600). Use it as 'Authorization: Bearer <token>'.", file);
    }

    private static void refuse(Path file) {
        log.warn("No operator token was created: {} already exists and may hold another database's token, so it is left "
                + "as it is. Issue an operator token for this database with 'java -jar vacant.jar token create --role "
                + "operator --jdbc-url <this database's URL>' (or '--data-dir <dir>' for an embedded store), or move the "
                + "file away and restart.", file);
    }
}
