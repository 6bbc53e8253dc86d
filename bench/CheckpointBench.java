import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.vacant.infra.checkpoint.CheckpointProperties;
import dev.vacant.infra.checkpoint.CheckpointService;
import dev.vacant.infra.checkpoint.JdbcCheckpoints;
import dev.vacant.infra.checkpoint.JdbcMerkleTree;
import dev.vacant.infra.checkpoint.TreeBuilder;
import dev.vacant.kernel.checkpoint.MerkleHashes;
import dev.vacant.kernel.checkpoint.MerkleProofs;
import dev.vacant.kernel.checkpoint.SignedCheckpoint;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.event.EventTypes;
import dev.vacant.kernel.event.StoredEntry;
import dev.vacant.kernel.event.VacantEvents.HeartbeatRecordedEvent;
import dev.vacant.kernel.id.NodeId;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookChain;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkpoint benchmark: grows a store to each size (default 10^4, 10^5, 10^6 logbook entries) in an empty
 * PostgreSQL database, and at each size measures, with the application's own classes: extending the tree by the new
 * entries (TreeBuilder), making a checkpoint (root + node signature + storing it), inclusion proofs (size in hashes
 * and bytes, time to build) and consistency proofs from half the size and from the previous size, each verified.
 * Rows are written as Axon writes them; their payloads cycle through DISTINCT signed heartbeat entries (the tree's
 * work does not depend on the leaf values, and signing 10^6 entries would only measure Ed25519).
 *
 * Usage: java -cp CLASSPATH bench/CheckpointBench.java JDBC_URL USER PASSWORD [SIZES, default 10000,100000,1000000]
 */
public class CheckpointBench {

    private static final int DISTINCT = 1000;
    private static final int PER_CHAIN = 1000;
    private static final Path V1 = Path.of("infra/src/main/resources/db/migration/common/V1__axon_event_store.sql");
    private static final Path V20 = Path.of("infra/src/main/resources/db/migration/common/V20__checkpoints.sql");

    public static void main(String[] args) throws Exception {
        String url = args[0];
        List<Long> sizes = new ArrayList<>();
        for (String size : (args.length > 3 ? args[3] : "10000,100000,1000000").split(",")) {
            sizes.add(Long.parseLong(size.trim()));
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url + "?reWriteBatchedInserts=true");
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        config.setMaximumPoolSize(4);
        try (HikariDataSource data = new HikariDataSource(config)) {
            JdbcTemplate jdbc = new JdbcTemplate(data);
            jdbc.execute(Files.readString(V1));
            jdbc.execute(Files.readString(V20));
            Ed25519KeyPair nodePair = Ed25519.generate(new SecureRandom());
            KeyPairSigner node = new KeyPairSigner(NodeId.of(nodePair.publicKey()), nodePair.privateSeed());
            JdbcMerkleTree tree = new JdbcMerkleTree(jdbc);
            TreeBuilder builder = new TreeBuilder(tree, new TransactionTemplate(new DataSourceTransactionManager(data)),
                    Duration.ZERO, Duration.ofMinutes(10), System::nanoTime);
            CheckpointService service = new CheckpointService(tree, builder, new JdbcCheckpoints(jdbc), () -> node,
                    new CheckpointProperties(false, Duration.ofSeconds(10), "", Duration.ZERO, Duration.ofMinutes(10),
                            List.of()), Clock.systemUTC());
            List<byte[]> payloads = payloads();
            System.out.printf("%-9s %-13s %-11s %-13s %-17s %-13s %-19s %-13s%n", "entries", "extend s", "entries/s",
                    "checkpoint ms", "inclusion hashes", "inclusion ms", "consistency hashes", "consistency ms");
            long stored = 0;
            long previous = 0;
            for (long size : sizes) {
                insert(data, payloads, stored, size);
                stored = size;
                long started = System.nanoTime();
                builder.build();
                double extend = (System.nanoTime() - started) / 1e9;
                started = System.nanoTime();
                CheckpointService.Served checkpoint = service.checkpoint().checkpoint();
                double checkpointMillis = (System.nanoTime() - started) / 1e6;
                SignedCheckpoint.open(checkpoint.signed().note().format(), service.nodeKey());
                Proofs inclusion = inclusion(service, jdbc, size);
                Proofs consistency = consistency(service, size, previous);
                System.out.printf("%-9d %-13.2f %-11.0f %-13.1f %-17s %-13.2f %-19s %-13.2f%n", size, extend,
                        (size - previous) / extend, checkpointMillis, inclusion.hashes(), inclusion.millis(),
                        consistency.hashes(), consistency.millis());
                previous = size;
            }
            System.out.println("a hash is 32 bytes (44 base64 characters in an answer); proof times are the mean of 50, "
                    + "each verified with the node key's checkpoint");
        }
    }

    record Proofs(String hashes, double millis) {
    }

    /** Inclusion proofs of 50 random leaves: the range of their lengths and the mean time to build one. */
    private static Proofs inclusion(CheckpointService service, JdbcTemplate jdbc, long size) {
        Random random = new Random(size);
        int min = Integer.MAX_VALUE;
        int max = 0;
        long nanos = 0;
        for (int i = 0; i < 50; i++) {
            long globalIndex = jdbc.queryForObject("select global_index from merkle_leaf where leaf_index = ?", Long.class,
                    (long) (random.nextDouble() * size));
            long started = System.nanoTime();
            CheckpointService.Inclusion proof = service.inclusionAt(globalIndex, null);
            nanos += System.nanoTime() - started;
            if (!MerkleProofs.verifyInclusion(proof.leaf().leafIndex(), size, MerkleHashes.leaf(proof.leaf().entryHash()),
                    proof.proof(), proof.checkpoint().signed().checkpoint().rootHash())) {
                throw new IllegalStateException("an inclusion proof did not verify");
            }
            min = Math.min(min, proof.proof().size());
            max = Math.max(max, proof.proof().size());
        }
        return new Proofs(min + "-" + max, nanos / 50 / 1e6);
    }

    /** Consistency proofs from half the size and from the previous checkpoint (when there is one). */
    private static Proofs consistency(CheckpointService service, long size, long previous) {
        List<Long> froms = previous > 0 ? List.of(size / 2, previous) : List.of(size / 2);
        StringBuilder lengths = new StringBuilder();
        long nanos = 0;
        int runs = 0;
        for (long from : froms) {
            CheckpointService.Consistency proof = null;
            for (int i = 0; i < 25; i++) {
                long started = System.nanoTime();
                proof = service.consistency(from, null);
                nanos += System.nanoTime() - started;
                runs++;
            }
            lengths.append(lengths.length() == 0 ? "" : "/").append(proof.proof().size());
        }
        return new Proofs(lengths.toString(), nanos / (double) runs / 1e6);
    }

    /** DISTINCT signed heartbeat entries as stored event payloads. */
    private static List<byte[]> payloads() throws Exception {
        Ed25519KeyPair key = Ed25519.generate(new SecureRandom());
        VacantId id = VacantId.of(key.publicKey());
        KeyPairSigner signer = new KeyPairSigner(id, key.privateSeed());
        LogbookChain head = LogbookChain.empty(id.value());
        List<byte[]> payloads = new ArrayList<>();
        for (int seq = 0; seq < DISTINCT; seq++) {
            LogbookEntry entry = head.append("HEARTBEAT", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(61L * seq),
                    Json.object().put("state", "ACTIVE").put("idle_seconds", 61L * seq), signer);
            head = head.after(entry);
            payloads.add(StoredEntry.encode(entry));
        }
        return payloads;
    }

    /** Rows {@code from..to-1}: aggregate {@code bench-<row / PER_CHAIN>}, seq {@code row % PER_CHAIN}. */
    private static void insert(HikariDataSource data, List<byte[]> payloads, long from, long to) throws Exception {
        try (Connection connection = data.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry "
                    + "(event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                    + "payload_revision, payload, meta_data) values (?, ?, ?, 'Vacant', ?, ?, '1', ?, null)")) {
                for (long row = from; row < to; row++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "bench-" + row / PER_CHAIN);
                    insert.setLong(3, row % PER_CHAIN);
                    insert.setString(4, "2026-01-01T00:00:00Z");
                    insert.setString(5, EventTypes.STANDARD.of(HeartbeatRecordedEvent.class).orElseThrow().name());
                    insert.setBytes(6, payloads.get((int) (row % DISTINCT)));
                    insert.addBatch();
                    if ((row + 1) % 5000 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }
}
