package dev.vacant.infra.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.audit.AxonRows;
import dev.vacant.infra.audit.MigratedDatabase;
import dev.vacant.kernel.audit.StoredEvent;
import dev.vacant.kernel.audit.StoredHistory;
import dev.vacant.kernel.checkpoint.LogbookLeaf;
import dev.vacant.kernel.checkpoint.MerkleFrontier;
import dev.vacant.kernel.checkpoint.MerkleHashes;
import dev.vacant.kernel.checkpoint.MerkleTree;
import dev.vacant.kernel.checkpoint.SubtreeSource;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored Merkle tree ({@link JdbcMerkleTree}, built by {@link TreeBuilder}) keeps only the perfect subtrees of
 * 16 leaves and more, yet answers every root and proof as the whole tree in memory does.
 */
abstract class StoredMerkleTreeContract {

    /** 35 leaves: stored subtrees 4/0, 4/1 and 5/0, and three leaves beyond them. */
    private static final int VACANTS = 5;
    private static final int ENTRIES = 7;
    private static final String STORED_NODES = "select tree_level || '/' || node_index from merkle_node "
            + "order by tree_level, node_index";

    private JdbcTemplate jdbc;
    private TreeBuilder builder;
    private JdbcMerkleTree tree;

    /** The database this contract runs on (fresh for each test). */
    abstract MigratedDatabase database();

    @BeforeEach
    void migrated() {
        Flyway flyway = database().flyway().load();
        flyway.clean();
        flyway.migrate();
        DriverManagerDataSource dataSource = database().dataSource();
        jdbc = new JdbcTemplate(dataSource);
        tree = new JdbcMerkleTree(jdbc);
        builder = new TreeBuilder(tree, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Duration.ZERO, Duration.ofMinutes(1), System::nanoTime);
    }

    @Test
    void keepsTheSubtreesOf16LeavesAndMore_andAnswersRootsAndProofsAsTheWholeTreeInMemory() {
        List<StoredEvent> history = StoredHistory.interleaved(VACANTS, ENTRIES);
        AxonRows.insert(jdbc, history.subList(0, 13));
        assertThat(builder.build()).isEqualTo(13);
        assertThat(jdbc.queryForList(STORED_NODES, String.class)).as("no subtree of 16 leaves yet").isEmpty();
        AxonRows.insert(jdbc, history.subList(13, history.size()));
        assertThat(builder.build()).as("the second batch's older siblings hashed from the leaves").isEqualTo(35);

        assertThat(jdbc.queryForList(STORED_NODES, String.class)).containsExactly("4/0", "4/1", "5/0");
        SubtreeSource memory = inMemory(history.stream().map(row -> LogbookLeaf.of(row).orElseThrow()).toList());
        for (long size = 1; size <= 35; size++) {
            assertThat(MerkleTree.root(tree, size)).as("root of %d leaves", size)
                    .isEqualTo(MerkleTree.root(memory, size));
        }
        for (long leaf : new long[] {0, 12, 13, 16, 31, 34}) {
            assertThat(MerkleTree.inclusionProof(tree, leaf, 35)).as("inclusion of leaf %d", leaf)
                    .containsExactlyElementsOf(MerkleTree.inclusionProof(memory, leaf, 35));
        }
        assertThat(MerkleTree.consistencyProof(tree, 13, 35))
                .containsExactlyElementsOf(MerkleTree.consistencyProof(memory, 13, 35));
    }

    @Test
    void migrationV75_dropsTheSubtreesBelow16LeavesWrittenBefore_andKeepsTheRest() {
        Flyway before = database().flyway().target("70").load();
        before.clean();
        before.migrate();
        for (String node : List.of("0/0", "3/1", "4/0", "6/2")) {
            String[] coordinates = node.split("/");
            jdbc.update("insert into merkle_node (tree_level, node_index, hash) values (?, ?, ?)",
                    Integer.parseInt(coordinates[0]), Long.parseLong(coordinates[1]), new byte[32]);
        }

        database().flyway().load().migrate();

        assertThat(jdbc.queryForList(STORED_NODES, String.class)).containsExactly("4/0", "6/2");
    }

    /** The perfect subtrees of {@code leafData} in memory, each hashed from its own leaves. */
    private static SubtreeSource inMemory(List<byte[]> leafData) {
        return (level, index) -> {
            MerkleFrontier subtree = new MerkleFrontier();
            leafData.subList((int) (index << level), (int) ((index + 1) << level))
                    .forEach(data -> subtree.appendLeafHash(MerkleHashes.leaf(data)));
            return subtree.root();
        };
    }
}
