package dev.vacant.infra.cli;

import dev.vacant.infra.security.ApiTokens;
import dev.vacant.infra.security.IssuedToken;
import dev.vacant.infra.security.TokenAdministration;
import dev.vacant.infra.security.TokenFile;
import dev.vacant.infra.security.TokenInfo;
import dev.vacant.kernel.auth.TokenGrant;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vacant token create|list|revoke}: API tokens managed straight in the database (no server, no token needed),
 * so that a lost operator token can be replaced. The same rules as {@code POST /tokens} ({@link TokenAdministration});
 * a revoked token stops working on every running instance within {@link ApiTokens#REMEMBERED}.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Issue, list and revoke API tokens.")
public final class TokenCommands {

    private static final String ROW = "%-20s  %-10s  %-24s  %-27s  %s%n";

    @Spec
    CommandSpec spec;

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Issue a token. Prints the secret (only "
            + "now) on standard output, or writes it into a new file with --out; its id goes to standard error.")
    int create(@Mixin StoreOptions store,
               @Option(names = "--role", required = true, paramLabel = "operator|controller",
                       description = "The token's role.") String role,
               @Option(names = "--controller", paramLabel = "PRINCIPAL", description = "The principal the token acts "
                       + "as (required for a controller token; default 'operator').") String controller,
               @Option(names = "--label", description = "A note on what the token is for.") String label,
               @Option(names = "--out", paramLabel = "FILE", description = "Write the secret into this new file (mode "
                       + "0600) instead; an existing file is never overwritten.") Path file)
            throws SQLException {
        TokenGrant grant = TokenGrant.of(role, controller, label);
        return withTokens(store, (tokens, out) -> {
            IssuedToken issued = file == null ? tokens.issue(TokenAdministration.DATABASE_OPERATOR, grant)
                    : intoFile(file, () -> tokens.issue(TokenAdministration.DATABASE_OPERATOR, grant));
            if (file == null) {
                out.println(issued.token());
            }
            spec.commandLine().getErr().printf("Issued %s (%s %s); the secret is %s.%n", issued.id(),
                    issued.role().name().toLowerCase(Locale.ROOT), issued.principal(),
                    file == null ? "above, shown only once" : "in " + file + " (mode 0600)");
        });
    }

    private static IssuedToken intoFile(Path file, Supplier<IssuedToken> issue) {
        try {
            return TokenFile.write(file, issue);
        } catch (FileAlreadyExistsException e) {
            throw new VacantException(ErrorCode.CONFLICT, file + " exists and is never overwritten; nothing was issued");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens (never their secrets).")
    int list(@Mixin StoreOptions store) throws SQLException {
        return withTokens(store, (tokens, out) -> {
            out.printf(ROW, "ID", "ROLE", "PRINCIPAL", "CREATED", "LABEL");
            for (TokenInfo token : tokens.list(TokenAdministration.DATABASE_OPERATOR)) {
                out.printf(ROW, token.id(), token.role(), token.principal(), token.createdAt(),
                        token.label() == null ? "" : token.label());
            }
        });
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id.")
    int revoke(@Mixin StoreOptions store,
               @Parameters(paramLabel = "ID", description = "The token's id (tok_...), as 'token list' shows it.") String id)
            throws SQLException {
        return withTokens(store, (tokens, out) -> {
            tokens.revoke(TokenAdministration.DATABASE_OPERATOR, id);
            out.println("Revoked " + id + ".");
        });
    }

    /** A token use case on the database the options name, printing to the command's output. */
    @FunctionalInterface
    private interface TokenUse {
        void run(TokenAdministration tokens, PrintWriter out);
    }

    private int withTokens(StoreOptions store, TokenUse use) throws SQLException {
        SingleConnectionDataSource dataSource = store.dataSource();
        try {
            PrintWriter out = spec.commandLine().getOut();
            use.run(new TokenAdministration(new ApiTokens(new JdbcTemplate(dataSource), Clock.systemUTC())), out);
            out.flush();
            return VacantCli.OK;
        } finally {
            dataSource.destroy();
        }
    }
}
