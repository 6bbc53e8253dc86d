package dev.vacant.infra.tuple.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.command.tuple.space.RegisteredVacants;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link RegisteredVacants} from the registry projection and the bundle it names ({@code tool_whitelist}). */
public class JdbcRegisteredVacants implements RegisteredVacants {

    private final JdbcTemplate jdbc;

    public JdbcRegisteredVacants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Registered> find(VacantId vacant) {
        return jdbc.query("select r.controller, c.content from vacant_registry r"
                        + " left join vacant_content c on c.digest = r.bundle_digest where r.vacant_id = ?",
                (rs, row) -> new Registered(rs.getString(1), tools(rs.getString(2))), vacant.value())
                .stream().findFirst();
    }

    private static Set<String> tools(String bundle) {
        Set<String> tools = new HashSet<>();
        if (bundle != null) {
            Json.parse(bundle).path("tool_whitelist").forEach((JsonNode tool) -> tools.add(tool.asText()));
        }
        return tools;
    }
}
