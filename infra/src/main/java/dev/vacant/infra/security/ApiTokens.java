package dev.vacant.infra.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.auth.TokenGrant;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bearer API tokens in {@code api_token}: issued once in clear, stored only as SHA-256 hex under a public id, resolved
 * to an {@link Actor}, listed and revoked by id. A known token is remembered (by hash) for at most
 * {@link #REMEMBERED}, so a busy client costs one lookup a second, and a token revoked on any instance, or whose row is
 * deleted by hand, stops working everywhere within that time.
 */
public class ApiTokens {

    /** How long an instance trusts a token it has looked up: the bound on how late a revocation takes effect. */
    public static final Duration REMEMBERED = Duration.ofSeconds(1);

    static final String PREFIX = "vat_";
    private static final String ID_PREFIX = "tok_";
    private static final String COLUMNS = "id, role, principal, label, created_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Actor> known;

    public ApiTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.known = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REMEMBERED).build();
    }

    /** Issues a new token for {@code principal} with {@code role}; the clear token is returned only here. */
    public String create(String principal, Role role) {
        return issue(new TokenGrant(role, principal, null)).token();
    }

    /** Issues a new token as {@code grant} says; the clear token is in the answer and nowhere else. */
    public IssuedToken issue(TokenGrant grant) {
        String token = PREFIX + Base64Url.encode(randomBytes(32));
        TokenInfo info = new TokenInfo(ID_PREFIX + Hex.encode(randomBytes(8)), grant.role(), grant.principal(),
                grant.label(), clock.instant().truncatedTo(ChronoUnit.MICROS)); // as stored
        jdbc.update("insert into api_token (token_hash, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?)",
                hash(token), info.id(), info.role().name(), info.principal(), info.label(),
                OffsetDateTime.ofInstant(info.createdAt(), ZoneOffset.UTC));
        return new IssuedToken(token, info);
    }

    /** Every token, oldest first, without secrets. */
    public List<TokenInfo> list() {
        return jdbc.query("select " + COLUMNS + " from api_token order by created_at, id", ApiTokens::info);
    }

    /** Revokes (deletes) the token {@code id}; false when there is none. */
    public boolean revoke(String id) {
        boolean revoked = jdbc.update("delete from api_token where id = ?", id) > 0;
        known.invalidateAll();
        return revoked;
    }

    /** The actor a presented token stands for, if it is known. */
    public Optional<Actor> authenticate(String token) {
        String hash = hash(token);
        Actor cached = known.getIfPresent(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Actor> actor = jdbc.query("select principal, role from api_token where token_hash = ?",
                (rs, n) -> new Actor(rs.getString(1), Role.valueOf(rs.getString(2))), hash).stream().findFirst();
        actor.ifPresent(found -> known.put(hash, found));
        return actor;
    }

    /** Whether any operator token exists. */
    public boolean hasOperator() {
        Integer count = jdbc.queryForObject("select count(*) from api_token where role = ?", Integer.class, Role.OPERATOR.name());
        return count != null && count > 0;
    }

    static String hash(String token) {
        try {
            return Hex.encode(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static TokenInfo info(ResultSet rs, int row) throws SQLException {
        return new TokenInfo(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant());
    }
}
