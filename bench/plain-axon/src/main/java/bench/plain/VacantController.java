package bench.plain;

import bench.plain.Messages.CallCommand;
import bench.plain.Messages.GenesisCommand;
import bench.plain.Messages.HeartbeatCommand;
import bench.plain.Messages.SpawnCommand;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Vacant's bench paths: the four commands through the command gateway, and the registry row of one vacant. */
@RestController
@RequestMapping("/api/v1/vacants")
class VacantController {

    record Bundle(@JsonProperty("system_prompt") String systemPrompt, @JsonProperty("policy_dsl") String policyDsl,
                  @JsonProperty("tool_whitelist") List<String> toolWhitelist) {
    }

    record Substrate(String provider, String model, @JsonProperty("model_family") String modelFamily) {
    }

    record GenesisBody(Bundle bundle, Substrate substrate) {
    }

    record SpawnBody(String path, @JsonProperty("policy_mutation") String policyMutation) {
    }

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final String filler;

    VacantController(CommandGateway commands, JdbcTemplate jdbc, @Value("${plain.event-padding}") int padding) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.filler = "x".repeat(padding);
    }

    @PostMapping("/genesis")
    Map<String, Object> genesis(@RequestBody GenesisBody body) {
        String id = newId();
        commands.sendAndWait(new GenesisCommand(id, body.bundle().systemPrompt(), body.bundle().policyDsl(),
                body.bundle().toolWhitelist(), body.substrate().provider(), body.substrate().model(),
                body.substrate().modelFamily(), filler));
        return Map.of("id", id, "seq", 0);
    }

    @PostMapping("/{id}/heartbeats")
    Map<String, Object> heartbeat(@PathVariable String id) {
        long seq = commands.sendAndWait(new HeartbeatCommand(id, filler));
        return Map.of("id", id, "seq", seq);
    }

    @PostMapping("/{id}/calls")
    Map<String, Object> call(@PathVariable String id) {
        long seq = commands.sendAndWait(new CallCommand(id, filler));
        return Map.of("id", id, "seq", seq);
    }

    @PostMapping("/{id}/spawn")
    Map<String, Object> spawn(@PathVariable String id, @RequestBody SpawnBody body) {
        String child = commands.sendAndWait(new SpawnCommand(id, newId(), body.path(), body.policyMutation(), filler));
        return Map.of("id", id, "child_id", child);
    }

    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> get(@PathVariable String id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from vacant_registry where vacant_id = ?", id);
        return rows.isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(rows.get(0));
    }

    private static String newId() {
        return "vac_" + UUID.randomUUID();
    }
}
