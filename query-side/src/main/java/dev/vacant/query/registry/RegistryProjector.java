package dev.vacant.query.registry;

import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.event.VacantEvents.GenesisRecordedEvent;
import dev.vacant.kernel.event.VacantEvents.VacantBornEvent;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.vacant.BirthPayload;
import dev.vacant.query.projection.EventPosition;
import dev.vacant.query.projection.PositionedEvent;
import dev.vacant.query.projection.ProjectionTable;
import dev.vacant.query.projection.Projector;
import dev.vacant.query.projection.SqlLists;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registry: one row per vacant ({@link RegistryRow}), plus the bundle and substrate contents addressed by
 * their digests. Idempotent: an entry at or below the row's head seq is ignored. A batch reads its vacants' rows
 * once, folds its events over them in memory, and writes each changed row once.
 */
public final class RegistryProjector implements Projector {

    public static final String NAME = "registry";

    private final RegistryRows rows = new RegistryRows();

    /** A bundle or substrate stored by its digest. */
    private record Content(String digest, String kind, String json) {
    }

    /** What one event does to the registry: the vacant's row after it, and the contents a newborn brings. */
    private record Change(RegistryRow row, List<Content> contents) {
    }

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
        applyAll(jdbc, List.of(new PositionedEvent(event, position)));
    }

    @Override
    public void applyAll(JdbcTemplate jdbc, List<PositionedEvent> events) {
        Set<String> vacants = new LinkedHashSet<>();
        events.forEach(positioned -> vacants.add(positioned.event().vacantId()));
        Map<String, RegistryRow> stored = rows.findAll(jdbc, vacants);
        Map<String, RegistryRow> latest = new LinkedHashMap<>(stored);
        Map<String, Content> contents = new LinkedHashMap<>();
        for (PositionedEvent positioned : events) {
            VacantEvent event = positioned.event();
            change(Optional.ofNullable(latest.get(event.vacantId())), event, positioned.position()).ifPresent(change -> {
                latest.put(event.vacantId(), change.row());
                change.contents().forEach(content -> contents.putIfAbsent(content.digest(), content));
            });
        }
        List<RegistryRow> born = new ArrayList<>();
        List<RegistryRow> changed = new ArrayList<>();
        latest.forEach((vacant, row) -> {
            if (!stored.containsKey(vacant)) {
                born.add(row);
            } else if (row != stored.get(vacant)) {
                changed.add(row);
            }
        });
        rows.insertAll(jdbc, born);
        rows.updateAll(jdbc, changed);
        storeContents(jdbc, contents);
    }

    private static Optional<Change> change(Optional<RegistryRow> current, VacantEvent event, EventPosition position) {
        if (event instanceof GenesisRecordedEvent genesis) {
            return born(current, event, genesis.payload(), genesis.bundle(), genesis.substrate(), position);
        }
        if (event instanceof VacantBornEvent birth) {
            return born(current, event, birth.payload(), birth.bundle(), birth.substrate(), position);
        }
        return current.filter(row -> event.entry().seq() > row.headSeq())
                .map(row -> new Change(row.after(event, position.globalIndex()), List.of()));
    }

    private static Optional<Change> born(Optional<RegistryRow> current, VacantEvent event, BirthPayload birth,
                                         BehaviorBundle bundle, SubstrateSpec substrate, EventPosition position) {
        if (current.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Change(RegistryRow.born(event.entry(), birth, substrate, position.globalIndex()),
                List.of(new Content(bundle.digest(), "bundle", Json.write(bundle)),
                        new Content(substrate.digest(), "substrate", Json.write(substrate)))));
    }

    /** Stores the contents not stored yet. */
    private static void storeContents(JdbcTemplate jdbc, Map<String, Content> contents) {
        if (contents.isEmpty()) {
            return;
        }
        Map<String, Content> missing = new HashMap<>(contents);
        jdbc.queryForList("select digest from vacant_content where digest in ("
                + SqlLists.placeholders(contents.size()) + ")", String.class, contents.keySet().toArray())
                .forEach(missing::remove);
        List<Object[]> inserts = contents.values().stream().filter(content -> missing.containsKey(content.digest()))
                .map(content -> new Object[] {content.digest(), content.kind(), content.json()}).toList();
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into vacant_content (digest, kind, content) values (?, ?, ?)", inserts);
        }
    }
}
