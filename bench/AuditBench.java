import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.audit.AuditProgress;
import dev.vacant.infra.audit.AuditReplay;
import dev.vacant.infra.audit.AuditReport;
import dev.vacant.kernel.audit.StoredEvent;
import dev.vacant.kernel.audit.StoredEventDecoder;
import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.event.Attached;
import dev.vacant.kernel.event.EventType;
import dev.vacant.kernel.event.EventTypes;
import dev.vacant.kernel.event.StoredEntry;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.event.VacantEvents.CallReceivedEvent;
import dev.vacant.kernel.event.VacantEvents.GenesisRecordedEvent;
import dev.vacant.kernel.event.VacantEvents.HeartbeatRecordedEvent;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.LogbookChain;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.vacant.BirthPayload;
import dev.vacant.kernel.vacant.CallPayload;
import dev.vacant.kernel.vacant.Payloads;
import dev.vacant.kernel.vacant.RegistryVisibility;
import dev.vacant.query.projection.EventPosition;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.projection.Projector;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Audit replay benchmark. Migrates an empty PostgreSQL database with the application's own Flyway migrations
 * (event store and live projection tables), builds a store of VACANTS x ENTRIES valid signed events (keys and
 * entries made with the kernel, rows written exactly as Axon's JDBC engine writes them: the Jackson JSON of the
 * event record, interleaved across vacants in global order) and fills the live read models with the catalog's
 * projectors, as the live projections would. Then measures, in the same JVM: the raw BouncyCastle Ed25519 verify
 * rate on all cores (over the entries' own JCS bytes and signatures), the audit replay verification only and the
 * full audit (the CLI's code path: verification, projection rebuild into a scratch schema and comparison with the
 * live tables, which must match). Prints both as entries/s next to raw verifies/s, with their ratios.
 *
 * Usage: java -cp CLASSPATH bench/AuditBench.java JDBC_URL USER PASSWORD [VACANTS] [ENTRIES]
 */
public class AuditBench {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** One entry's verification inputs, for the raw rate. */
    record Signed(byte[] publicKey, byte[] message, byte[] signature) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int vacants = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int entries = args.length > 4 ? Integer.parseInt(args[4]) : 100;

        long t0 = System.nanoTime();
        List<List<VacantEvent>> chains = generate(vacants, entries);
        System.out.printf("generated %d signed entries in %.1f s%n", (long) vacants * entries, seconds(t0));
        t0 = System.nanoTime();
        migrate(url, user, password);
        try (Connection connection = DriverManager.getConnection(url + "?reWriteBatchedInserts=true", user, password)) {
            insert(connection, chains);
        }
        System.out.printf("stored them as Axon rows in %.1f s%n", seconds(t0));
        t0 = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            project(connection);
        }
        System.out.printf("applied them to the live read models in %.1f s%n", seconds(t0));

        List<Signed> sample = sample(chains, 4096);
        double rawBefore = rawVerifiesPerSecond(sample, 8);
        // connected as the server's data source and the CLI connect to PostgreSQL (batched inserts as multi-row ones)
        String auditUrl = url + "?reWriteBatchedInserts=true";
        AuditReplay verification = new AuditReplay(() -> DriverManager.getConnection(auditUrl, user, password), List.of(),
                CORES);
        AuditReport warmup = verification.run("benchwarm", AuditProgress.NONE);
        AuditReport audit = verification.run("bench", AuditProgress.NONE);
        double rawAfter = rawVerifiesPerSecond(sample, 8);
        double raw = (rawBefore + rawAfter) / 2;
        if (!audit.clean() || audit.entriesVerified() != (long) vacants * entries) {
            throw new IllegalStateException("the benchmark store did not verify: " + audit);
        }
        double entriesPerSecond = audit.entriesVerified() * 1000.0 / audit.elapsedMillis();
        System.out.printf("cores                      %d%n", CORES);
        System.out.printf("audit (warm-up run)        %.0f entries/s%n", warmup.entriesVerified() * 1000.0 / warmup.elapsedMillis());
        System.out.printf("audit, verification only   %.0f entries/s (%d entries in %.2f s)%n", entriesPerSecond,
                audit.entriesVerified(), audit.elapsedMillis() / 1000.0);
        System.out.printf("raw Ed25519 verify         %.0f verifies/s (before %.0f, after %.0f)%n", raw, rawBefore, rawAfter);
        System.out.printf("ratio                      %.2f (target >= 0.70)%n", entriesPerSecond / raw);
        AuditReplay full = new AuditReplay(() -> DriverManager.getConnection(auditUrl, user, password),
                ProjectionCatalog.projectors(), CORES);
        full.run("benchfullwarm", AuditProgress.NONE);
        AuditReport withProjections = full.run("benchfull", AuditProgress.NONE);
        if (!withProjections.clean() || withProjections.entriesVerified() != (long) vacants * entries) {
            throw new IllegalStateException("the full audit did not match the live read models: " + withProjections);
        }
        double fullPerSecond = withProjections.entriesVerified() * 1000.0 / withProjections.elapsedMillis();
        System.out.printf("audit with projections     %.0f entries/s (%d entries in %.2f s, %d tables rebuilt and "
                + "compared)%n", fullPerSecond, withProjections.entriesVerified(),
                withProjections.elapsedMillis() / 1000.0, withProjections.projections().size());
        System.out.printf("ratio, full audit          %.2f (target >= 0.50)%n", fullPerSecond / raw);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Every vacant's chain, signed on all cores: genesis with its attachments, then heartbeats and calls. */
    private static List<List<VacantEvent>> generate(int vacants, int entries) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CORES);
        try {
            List<Future<List<VacantEvent>>> futures = new ArrayList<>();
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < vacants; i++) {
                futures.add(pool.submit(() -> chain(random, entries)));
            }
            List<List<VacantEvent>> chains = new ArrayList<>();
            for (Future<List<VacantEvent>> future : futures) {
                chains.add(future.get());
            }
            return chains;
        } finally {
            pool.shutdown();
        }
    }

    private static List<VacantEvent> chain(SecureRandom random, int entries) {
        Ed25519KeyPair key = Ed25519.generate(random);
        VacantId id = VacantId.of(key.publicKey());
        KeyPairSigner signer = new KeyPairSigner(id, key.privateSeed());
        BehaviorBundle bundle = new BehaviorBundle("You are a benchmark vacant.", "allow: read", List.of("read", "search"));
        SubstrateSpec substrate = new SubstrateSpec("openai", "gpt-x", "gpt", Json.object().put("max_tokens", 256));
        BirthPayload birth = new BirthPayload(LifecycleState.ACTIVE, "bench-controller", bundle.digest(),
                substrate.digest(), RegistryVisibility.PUBLIC, null, null, null, null);
        LogbookChain head = LogbookChain.empty(id.value());
        List<VacantEvent> events = new ArrayList<>();
        for (int seq = 0; seq < entries; seq++) {
            Instant at = T0.plusSeconds(61L * seq);
            LogbookEntry entry;
            VacantEvent event;
            if (seq == 0) {
                entry = head.append("GENESIS", at, Payloads.toJson(birth), signer);
                event = new GenesisRecordedEvent(entry, bundle, substrate);
            } else if (seq % 3 == 0) {
                entry = head.append("CALL_RECEIVED", at, Payloads.toJson(new CallPayload("bench-caller", LifecycleState.ACTIVE)), signer);
                event = new CallReceivedEvent(entry);
            } else {
                entry = head.append("HEARTBEAT", at, Json.object().put("state", "ACTIVE")
                        .put("idle_seconds", 61L * seq), signer);
                event = new HeartbeatRecordedEvent(entry);
            }
            head = head.after(entry);
            events.add(event);
        }
        return events;
    }

    /** Creates every table the application has (event store, read models, ...) with its own Flyway migrations. */
    private static void migrate(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load().migrate();
    }

    /**
     * Applies every stored event, read back from the store in global order and decoded as audit replay and the live
     * projections decode it (not the generated records: a payload's JSON can differ between the two forms, for
     * example in how a number was built), to the live read models with the catalog's projectors, one event at a
     * time (the rebuild applies them in batches: the comparison also checks that both leave the same rows), in one
     * transaction.
     */
    private static void project(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        List<StoredEvent> rows = jdbc.query("select global_index, aggregate_identifier, sequence_number, type, "
                + "payload_type, payload_revision, payload, meta_data from domain_event_entry order by global_index",
                (rs, n) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getBytes(8)));
        for (StoredEvent row : rows) {
            VacantEvent event = (VacantEvent) StoredEventDecoder.standard().decode(row).orElseThrow();
            for (Projector projector : ProjectionCatalog.projectors()) {
                projector.apply(jdbc, event, new EventPosition(row.globalIndex()));
            }
        }
        connection.commit();
    }

    /** Inserts the chains round-robin (seq-major), so chains interleave in global order as they do live. */
    private static void insert(Connection connection, List<List<VacantEvent>> chains) throws Exception {
        connection.setAutoCommit(false);
        String sql = "insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, 'Vacant', ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int pending = 0;
            for (int seq = 0; seq < chains.get(0).size(); seq++) {
                for (List<VacantEvent> chain : chains) {
                    VacantEvent event = chain.get(seq);
                    String trace = UUID.randomUUID().toString();
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, event.vacantId());
                    insert.setLong(3, event.entry().seq());
                    insert.setString(4, Instant.parse(event.entry().body().ts()).toString());
                    EventType type = EventTypes.STANDARD.of(event.getClass()).orElseThrow();
                    insert.setString(5, type.name());
                    insert.setString(6, type.revisionText());
                    insert.setBytes(7, StoredEntry.encode(event.entry()));
                    ObjectNode metaData = Json.object().put("traceId", trace).put("correlationId", trace);
                    if (event instanceof Attached attached) {
                        metaData.set(Attached.META_DATA_KEY, Json.mapper().valueToTree(Attached.toMetaData(attached)));
                    }
                    insert.setBytes(8, Json.write(metaData).getBytes(StandardCharsets.UTF_8));
                    insert.addBatch();
                    if (++pending == 2000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    private static List<Signed> sample(List<List<VacantEvent>> chains, int size) {
        List<Signed> sample = new ArrayList<>();
        for (int i = 0; sample.size() < size; i++) {
            List<VacantEvent> chain = chains.get(i % chains.size());
            LogbookEntry entry = chain.get((i / chains.size()) % chain.size()).entry();
            sample.add(new Signed(VacantId.parse(entry.body().vacant()).publicKey(), entry.body().canonicalBytes(),
                    Base64Url.decode(entry.sig())));
        }
        return sample;
    }

    /** BouncyCastle Ed25519 verifies per second on all cores, for {@code seconds} (after a short warm-up). */
    private static double rawVerifiesPerSecond(List<Signed> sample, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CORES);
        try {
            AtomicBoolean measuring = new AtomicBoolean(false);
            AtomicBoolean stop = new AtomicBoolean(false);
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < CORES; t++) {
                int offset = t * 997;
                counts.add(pool.submit(() -> {
                    long verified = 0;
                    for (int i = offset; !stop.get(); i++) {
                        Signed signed = sample.get(i % sample.size());
                        if (!Ed25519.verify(signed.publicKey(), signed.message(), signed.signature())) {
                            throw new IllegalStateException("a sample entry did not verify");
                        }
                        if (measuring.get()) {
                            verified++;
                        }
                    }
                    return verified;
                }));
            }
            Thread.sleep(1000);
            long start = System.nanoTime();
            measuring.set(true);
            Thread.sleep(seconds * 1000L);
            measuring.set(false);
            double elapsed = seconds(start);
            stop.set(true);
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / elapsed;
        } finally {
            pool.shutdown();
        }
    }
}
