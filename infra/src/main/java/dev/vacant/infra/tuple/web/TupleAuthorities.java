package dev.vacant.infra.tuple.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.tuple.Authority;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one place where a tuple op's authority is decided: the request names a {@code vacant}; the caller must
 * control it (registry {@code controller}) or be an operator. The vacant's tool whitelist (its bundle) comes
 * along as hookwall capabilities. Reads the registry projection, so a vacant created a moment ago may not be
 * found yet ({@code NOT_FOUND}).
 */
public class TupleAuthorities {

    private final JdbcTemplate jdbc;

    public TupleAuthorities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The authority of {@code vacant} for {@code actor}: {@code VALIDATION_FAILED}, {@code NOT_FOUND} or {@code FORBIDDEN} otherwise. */
    public Authority resolve(Actor actor, String vacant) {
        if (vacant == null || !VacantId.isValid(vacant)) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, "vacant: a vacant id the caller controls is required");
        }
        List<Registered> rows = jdbc.query("select r.controller, c.content from vacant_registry r"
                        + " left join vacant_content c on c.digest = r.bundle_digest where r.vacant_id = ?",
                (rs, row) -> new Registered(rs.getString(1), rs.getString(2)), vacant);
        if (rows.isEmpty()) {
            throw new VacantException(ErrorCode.NOT_FOUND, "no such vacant: " + vacant);
        }
        actor.requireControlOf(rows.get(0).controller());
        return new Authority(VacantId.parse(vacant), rows.get(0).tools());
    }

    private record Registered(String controller, String bundle) {
        Set<String> tools() {
            Set<String> tools = new HashSet<>();
            if (bundle != null) {
                Json.parse(bundle).path("tool_whitelist").forEach((JsonNode tool) -> tools.add(tool.asText()));
            }
            return tools;
        }
    }
}
