package dev.vacant.infra.security;

import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bearer API tokens: issued once in clear, stored only as SHA-256 hex, resolved to an {@link Actor}. Known tokens
 * are remembered for a short while (by hash) so that a busy client costs no lookup per request.
 */
public class ApiTokens {

    static final String PREFIX = "vat_";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Actor> known = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    public ApiTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a new token for {@code principal} with {@code role}; the clear token is returned only here. */
    public String create(String principal, Role role) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64Url.encode(secret);
        jdbc.update("insert into api_token (token_hash, principal, role, created_at) values (?, ?, ?, ?)",
                hash(token), principal, role.name(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return token;
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
}
