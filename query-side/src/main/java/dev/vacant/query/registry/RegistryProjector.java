package dev.vacant.query.registry;

import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.event.VacantEvents.GenesisRecordedEvent;
import dev.vacant.kernel.event.VacantEvents.VacantBornEvent;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.vacant.BirthPayload;
import dev.vacant.query.projection.EventPosition;
import dev.vacant.query.projection.ProjectionTable;
import dev.vacant.query.projection.Projector;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registry: one row per vacant ({@link RegistryRow}), plus the bundle and substrate contents addressed by
 * their digests. Idempotent: an entry at or below the row's head seq is ignored.
 */
public final class RegistryProjector implements Projector {

    public static final String NAME = "registry";

    private final RegistryRows rows = new RegistryRows();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ProjectionTable> tables() {
        return List.of(new ProjectionTable(RegistryRows.TABLE, List.of("vacant_id")),
                new ProjectionTable("vacant_content", List.of("digest")));
    }

    @Override
    public void apply(JdbcTemplate jdbc, VacantEvent event, EventPosition position) {
        if (event instanceof GenesisRecordedEvent genesis) {
            born(jdbc, event, genesis.payload(), genesis.bundle(), genesis.substrate(), position);
        } else if (event instanceof VacantBornEvent birth) {
            born(jdbc, event, birth.payload(), birth.bundle(), birth.substrate(), position);
        } else {
            rows.find(jdbc, event.vacantId())
                    .filter(row -> event.entry().seq() > row.headSeq())
                    .ifPresent(row -> rows.update(jdbc, row.after(event, position.globalIndex())));
        }
    }

    private void born(JdbcTemplate jdbc, VacantEvent event, BirthPayload birth, BehaviorBundle bundle,
                      SubstrateSpec substrate, EventPosition position) {
        if (rows.find(jdbc, event.vacantId()).isPresent()) {
            return;
        }
        rows.insert(jdbc, RegistryRow.born(event.entry(), birth, substrate, position.globalIndex()));
        storeContent(jdbc, bundle.digest(), "bundle", Json.write(bundle));
        storeContent(jdbc, substrate.digest(), "substrate", Json.write(substrate));
    }

    private static void storeContent(JdbcTemplate jdbc, String digest, String kind, String json) {
        Integer present = jdbc.queryForObject("select count(*) from vacant_content where digest = ?", Integer.class, digest);
        if (present == null || present == 0) {
            jdbc.update("insert into vacant_content (digest, kind, content) values (?, ?, ?)", digest, kind, json);
        }
    }
}
