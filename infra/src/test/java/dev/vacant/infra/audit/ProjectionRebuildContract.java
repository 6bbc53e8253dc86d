package dev.vacant.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.audit.FixtureVacant;
import dev.vacant.kernel.audit.StoredEvent;
import dev.vacant.kernel.audit.StoredEventDecoder;
import dev.vacant.kernel.audit.StoredHistory;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.json.Json;
import dev.vacant.query.audit.ParkedSequence;
import dev.vacant.query.audit.TableComparison;
import dev.vacant.query.projection.EventPosition;
import dev.vacant.query.projection.PositionedEvent;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.projection.ProjectionTable;
import dev.vacant.query.projection.Projector;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit replay's projection rebuild and comparison, on one database engine: a migrated store holding signed
 * histories written as Axon writes them, and a live test projection built from it.
 */
abstract class ProjectionRebuildContract {

    private static final int VACANTS = 4;
    private static final int ENTRIES = 6;
    /** Where the Vacant events' records lived when the store named them by class (history: never to be renamed). */
    private static final String CLASS_NAMES_BEFORE_THE_MOVE = "dev.vacant.kernel.vacant.VacantEvents$";

    /** How the logbook projector's "already stored?" query begins. */
    private static final String LOGBOOK_LOOKUP = "select vacant_id, seq from vacant_logbook where";

    private final EventCountProjector projector = new EventCountProjector();
    private JdbcTemplate jdbc;
    private List<StoredEvent> history;

    /** The database this contract runs on (fresh for each test). */
    abstract MigratedDatabase database();

    private Connection connect() throws SQLException {
        return database().connect();
    }

    private AuditReplay replay(Projector... projectors) {
        return new AuditReplay(this::connect, List.of(projectors), 2);
    }

    private FluentConfiguration flyway() {
        return database().flyway();
    }

    @BeforeEach
    void storeAndLiveProjection() throws SQLException {
        Flyway flyway = flyway().load();
        flyway.clean();
        flyway.migrate();
        jdbc = new JdbcTemplate(database().dataSource());
        history = StoredHistory.interleaved(VACANTS, ENTRIES);
        AxonRows.insert(jdbc, history);
        jdbc.execute(EventCountProjector.CREATE_TABLE);
        try (Connection connection = connect()) {
            new JdbcEventStoreReader(connection, 5).forEachBatch(batch -> batch.forEach(row -> {
                VacantEvent event = (VacantEvent) StoredEventDecoder.standard().decode(row).orElseThrow();
                projector.apply(jdbc, event, new EventPosition(row.globalIndex()));
            }));
        }
    }

    private long scratchSchemas() {
        return jdbc.queryForObject("select count(*) from information_schema.schemata where schema_name like 'audit%'",
                Long.class);
    }

    @Test
    void migrationV70_upgradesAStoreOfTheLegacyForm_whichAuditsCleanExceptWhereItWasTampered() throws Exception {
        Flyway legacy = flyway().target("50").load();
        legacy.clean();
        legacy.migrate();
        FixtureVacant intact = new FixtureVacant();
        FixtureVacant tampered = new FixtureVacant();
        List<VacantEvent> events = List.of(intact.genesis(StoredHistory.T0), intact.heartbeat(StoredHistory.T0),
                tampered.genesis(StoredHistory.T0), tampered.call(StoredHistory.T0, intact.id()));
        List<byte[]> payloads = new ArrayList<>();
        for (VacantEvent event : events) {
            payloads.add(Json.mapper().writeValueAsBytes(event));
        }
        payloads.set(3, new String(payloads.get(3), StandardCharsets.UTF_8).replace(intact.id(), "vac_mallory")
                .getBytes(StandardCharsets.UTF_8));
        jdbc.batchUpdate("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                        + "type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                        + "values (?, ?, ?, 'Vacant', ?, ?, null, ?, ?)",
                IntStream.range(0, events.size()).mapToObj(i -> new Object[]{UUID.randomUUID().toString(),
                        events.get(i).vacantId(), events.get(i).entry().seq(), StoredHistory.T0.toString(),
                        CLASS_NAMES_BEFORE_THE_MOVE + events.get(i).getClass().getSimpleName(), payloads.get(i),
                        "{\"traceId\":\"t\"}".getBytes(StandardCharsets.UTF_8)}).toList());

        flyway().load().migrate();
        AuditReport report = replay().run("legacy", AuditProgress.NONE);

        assertThat(report.entriesVerified()).isEqualTo(events.size());
        assertThat(report.failures()).isNotEmpty().allMatch(failure -> failure.vacant().equals(tampered.id()));
        assertThat(jdbc.queryForList("select payload_type from domain_event_entry order by global_index", String.class))
                .containsExactly("vacant.genesis", "vacant.heartbeat", "vacant.genesis", "vacant.call_received");
        assertThat(new String(jdbc.queryForObject("select meta_data from domain_event_entry order by global_index "
                + "limit 1", byte[].class), StandardCharsets.UTF_8)).contains("\"traceId\":\"t\"", "You audit.");
    }

    @Test
    void run_reportsIdenticalProjectionsAndNoFailure_whenTheLiveProjectionMatchesTheStore() throws SQLException {
        AuditReport report = replay(projector).run("contract1", AuditProgress.NONE);

        assertThat(report.clean()).as(report.toString()).isTrue();
        assertThat(report.eventsRead()).isEqualTo(VACANTS * ENTRIES);
        assertThat(report.entriesVerified()).isEqualTo(VACANTS * ENTRIES);
        assertThat(report.projections()).containsExactly(
                new TableComparison(EventCountProjector.TABLE, VACANTS, 0, 0, List.of(), List.of()));
        assertThat(scratchSchemas()).isZero();
    }

    @Test
    void run_reportsMissingAndExtraRowsWithTheirKeys_whenTheLiveProjectionDiverges() throws SQLException {
        String changed = history.get(0).aggregateIdentifier();
        String deleted = history.get(1).aggregateIdentifier();
        jdbc.update("update " + EventCountProjector.TABLE + " set events = 99 where vacant_id = ?", changed);
        jdbc.update("delete from " + EventCountProjector.TABLE + " where vacant_id = ?", deleted);

        AuditReport report = replay(projector).run("contract2", AuditProgress.NONE);

        TableComparison table = report.projections().get(0);
        assertThat(table.missing()).isEqualTo(2);
        assertThat(table.extra()).isEqualTo(1);
        assertThat(table.missingKeys()).containsExactlyInAnyOrder("vacant_id=" + changed, "vacant_id=" + deleted);
        assertThat(table.extraKeys()).containsExactly("vacant_id=" + changed);
        assertThat(report.failureCount()).isZero();
        assertThat(report.clean()).isFalse();
    }

    @Test
    void run_parksWhatAProjectorCannotApply_andDropsTheScratchSchema() throws SQLException {
        Projector broken = new Projector() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<ProjectionTable> tables() {
                return projector.tables();
            }

            @Override
            public void apply(JdbcTemplate scratch, VacantEvent event, EventPosition position) {
                scratch.update("insert into no_such_table values (1)");
            }
        };

        AuditReport report = replay(broken).run("contract3", AuditProgress.NONE);

        assertThat(report.parked()).as("every vacant, each at its first event").isNotEmpty()
                .allSatisfy(parked -> assertThat(parked.seq()).isZero());
        assertThat(report.parked().stream().mapToLong(ParkedSequence::events).sum()).isEqualTo(report.eventsRead());
        assertThat(report.clean()).isFalse();
        assertThat(scratchSchemas()).isZero();
    }

    @Test
    void run_appliesTheEventsAsOneBatch_whenEveryEventApplies() throws SQLException {
        BatchRecorder recorder = new BatchRecorder(null, -1);

        AuditReport report = replay(recorder).run("batched1", AuditProgress.NONE);

        assertThat(report.clean()).as(report.toString()).isTrue();
        assertThat(recorder.batchSizes).as("one batch, never event by event").containsExactly(VACANTS * ENTRIES);
    }

    @Test
    void run_appliesAFailedBatchAgainEventByEvent_parkingOnlyTheFailingEventsVacant() throws SQLException {
        String refused = history.get(1).aggregateIdentifier();
        BatchRecorder recorder = new BatchRecorder(refused, 2);

        AuditReport report = replay(recorder).run("batched2", AuditProgress.NONE);

        assertThat(recorder.batchSizes.get(0)).isEqualTo(VACANTS * ENTRIES);
        assertThat(recorder.batchSizes.subList(1, recorder.batchSizes.size())).as("then event by event")
                .hasSize(VACANTS * ENTRIES - (ENTRIES - 3)).containsOnly(1);
        assertThat(report.parked()).containsExactly(new ParkedSequence(refused, 2,
                history.stream().filter(row -> row.aggregateIdentifier().equals(refused)).toList().get(2).globalIndex(),
                "IllegalStateException: refused by the test", ENTRIES - 2));
        TableComparison table = report.projections().get(0);
        assertThat(table.missingKeys()).containsExactly("vacant_id=" + refused);
        assertThat(table.extraKeys()).containsExactly("vacant_id=" + refused);
    }

    @Test
    void run_readsTheWholeStoreWhileTheRebuildIsStillApplying() throws SQLException {
        AxonRows.insert(jdbc, StoredHistory.interleaved(30, 100));
        long stored = VACANTS * ENTRIES + 30 * 100;
        CountDownLatch everythingRead = new CountDownLatch(1);
        AuditProgress progress = new AuditProgress() {
            @Override
            public void started(long eventsTotal) {
            }

            @Override
            public void read(long eventsRead) {
                if (eventsRead == stored) {
                    everythingRead.countDown();
                }
            }
        };
        List<Boolean> readBeforeApplying = new ArrayList<>();
        Projector waiting = new Projector() {
            @Override
            public String name() {
                return projector.name();
            }

            @Override
            public List<ProjectionTable> tables() {
                return projector.tables();
            }

            @Override
            public void apply(JdbcTemplate scratch, VacantEvent event, EventPosition position) {
                projector.apply(scratch, event, position);
            }

            @Override
            public void applyAll(JdbcTemplate scratch, List<PositionedEvent> events) {
                try {
                    readBeforeApplying.add(everythingRead.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Projector.super.applyAll(scratch, events);
            }
        };

        AuditReport report = replay(waiting).run("overlap", progress);

        assertThat(report.eventsRead()).isEqualTo(stored);
        assertThat(report.entriesVerified()).isEqualTo(stored);
        assertThat(readBeforeApplying).as("the first rebuild batch waited for the reader, not the reader for it")
                .isNotEmpty().containsOnly(true);
        assertThat(scratchSchemas()).isZero();
    }

    /** Fills the catalog's live tables from the store, event by event, as the live projections fill them. */
    private void projectCatalogLive() throws SQLException {
        try (Connection connection = connect()) {
            new JdbcEventStoreReader(connection, 5).forEachBatch(batch -> batch.forEach(row -> {
                VacantEvent event = (VacantEvent) StoredEventDecoder.standard().decode(row).orElseThrow();
                ProjectionCatalog.projectors().forEach(live ->
                        live.apply(jdbc, event, new EventPosition(row.globalIndex())));
            }));
        }
    }

    @Test
    void run_createsItsScratchTablesUnlogged_onPostgreSql_sinceTheirRowsAreDroppedWhenTheAuditEnds()
            throws SQLException {
        StatementLog log = new StatementLog();
        boolean postgres;
        try (Connection connection = connect()) {
            postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }

        AuditReport report = new AuditReplay(log.recording(this::connect), List.of(projector), 2)
                .run("unlogged", AuditProgress.NONE);

        assertThat(report.clean()).as(report.toString()).isTrue();
        assertThat(log.byConnection().stream().flatMap(List::stream).filter(sql -> sql.matches("create .*table .*")))
                .isNotEmpty()
                .allMatch(sql -> sql.startsWith(postgres ? "create unlogged table " : "create table "));
        assertThat(scratchSchemas()).isZero();
    }

    @Test
    void run_rebuildsTheCatalogsProjectionsInBatches_identicalToApplyingEachEventAlone() throws SQLException {
        projectCatalogLive();
        StatementLog log = new StatementLog();

        AuditReport report = new AuditReplay(log.recording(this::connect), ProjectionCatalog.projectors(), 2)
                .run("catalog", AuditProgress.NONE);

        assertThat(report.clean()).as(report.toString()).isTrue();
        assertThat(log.byConnection()).as("the rebuild remembers the entries it wrote instead of reading them back")
                .allSatisfy(statements -> assertThat(statements).noneMatch(sql -> sql.startsWith(LOGBOOK_LOOKUP)));
        assertThat(report.projections()).filteredOn(table -> table.table().equals("vacant_logbook"))
                .singleElement().extracting(TableComparison::rebuiltRows).isEqualTo((long) VACANTS * ENTRIES);
        assertThat(report.projections()).filteredOn(table -> table.table().equals("vacant_registry"))
                .singleElement().extracting(TableComparison::rebuiltRows).isEqualTo((long) VACANTS);
    }

    @Test
    void run_looksUpTheEntriesOfAFailedBatchAgain_soThatTheRebuiltLogbookLacksOnlyTheParkedEntries()
            throws SQLException {
        projectCatalogLive();
        String refused = history.get(1).aggregateIdentifier();
        List<Projector> projectors = new ArrayList<>(ProjectionCatalog.projectors());
        projectors.add(new BatchRecorder(refused, 2));
        StatementLog log = new StatementLog();

        AuditReport report = new AuditReplay(log.recording(this::connect), projectors, 2)
                .run("refetch", AuditProgress.NONE);

        assertThat(report.parked()).extracting(ParkedSequence::vacant).containsExactly(refused);
        TableComparison logbook = report.projections().stream()
                .filter(table -> table.table().equals("vacant_logbook")).findFirst().orElseThrow();
        assertThat(logbook.missing()).isZero();
        assertThat(logbook.extra()).as("the parked entries only").isEqualTo(ENTRIES - 2);
        assertThat(logbook.extraKeys()).allMatch(key -> key.startsWith("vacant_id=" + refused + ","));
        assertThat(log.byConnection()).as("the entries of the rolled-back batch were looked up, not trusted")
                .anySatisfy(statements -> assertThat(statements).anyMatch(sql -> sql.startsWith(LOGBOOK_LOOKUP)));
    }

    @Test
    void run_locatesARowMissingFromEveryLiveTable_comparingOnSeveralConnectionsAtOnce() throws SQLException {
        projectCatalogLive();
        Map<String, String> deleted = new LinkedHashMap<>();
        for (ProjectionTable table : ProjectionCatalog.projectors().stream()
                .flatMap(projector -> projector.tables().stream()).toList()) {
            String keys = String.join(", ", table.keyColumns());
            jdbc.query("select " + keys + " from " + table.name() + " order by " + keys + " limit 1", rs -> {
                List<String> parts = new ArrayList<>();
                List<String> where = new ArrayList<>();
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < table.keyColumns().size(); i++) {
                    parts.add(table.keyColumns().get(i) + "=" + rs.getString(i + 1));
                    where.add(table.keyColumns().get(i) + " = ?");
                    values.add(rs.getObject(i + 1));
                }
                jdbc.update("delete from " + table.name() + " where " + String.join(" and ", where), values.toArray());
                deleted.put(table.name(), String.join(",", parts));
            });
        }
        // each table's comparison takes 20 ms or more: one connection cannot run them all before the other has started
        StatementLog log = new StatementLog().slowing(" union all ", 20);

        AuditReport report = new AuditReplay(log.recording(this::connect), ProjectionCatalog.projectors(), 2)
                .run("everytable", AuditProgress.NONE);

        assertThat(deleted).as("the store's histories fill these tables")
                .containsKeys("vacant_registry", "vacant_content", "vacant_logbook", "lineage_node");
        assertThat(report.projections()).hasSize(12).allSatisfy(table -> {
            if (deleted.containsKey(table.table())) {
                assertThat(table.missing()).as(table.table()).isEqualTo(1);
                assertThat(table.missingKeys()).as(table.table()).containsExactly(deleted.get(table.table()));
            } else {
                assertThat(table.missing()).as(table.table()).isZero();
            }
            assertThat(table.extra()).as(table.table()).isZero();
        });
        assertThat(log.byConnection()).as("connections that ran a comparison")
                .filteredOn(statements -> statements.stream().anyMatch(sql -> sql.contains(" union all "))).hasSize(2);
    }

    /** {@link EventCountProjector}, refusing one event, recording the size of every batch it is given. */
    private static final class BatchRecorder implements Projector {

        private final EventCountProjector counts = new EventCountProjector();
        private final List<Integer> batchSizes = new ArrayList<>();
        private final String refusedVacant;
        private final long refusedSeq;

        BatchRecorder(String refusedVacant, long refusedSeq) {
            this.refusedVacant = refusedVacant;
            this.refusedSeq = refusedSeq;
        }

        @Override
        public String name() {
            return counts.name();
        }

        @Override
        public List<ProjectionTable> tables() {
            return counts.tables();
        }

        @Override
        public void apply(JdbcTemplate scratch, VacantEvent event, EventPosition position) {
            if (event.vacantId().equals(refusedVacant) && event.entry().seq() == refusedSeq) {
                throw new IllegalStateException("refused by the test");
            }
            counts.apply(scratch, event, position);
        }

        @Override
        public void applyAll(JdbcTemplate scratch, List<PositionedEvent> events) {
            batchSizes.add(events.size());
            Projector.super.applyAll(scratch, events);
        }
    }
}
