package dev.vacant.infra.checkpoint;

import dev.vacant.kernel.custody.NodeKeyCustody;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the Merkle tree, its builder, the checkpoint service and the periodic checkpoint task. */
@Configuration(proxyBeanMethods = false)
public class CheckpointConfiguration {

    @Bean
    JdbcMerkleTree merkleTree(JdbcTemplate jdbc) {
        return new JdbcMerkleTree(jdbc);
    }

    @Bean
    TreeBuilder treeBuilder(JdbcMerkleTree tree, PlatformTransactionManager transactions, CheckpointProperties properties) {
        return new TreeBuilder(tree, new TransactionTemplate(transactions), properties.gapSettle(),
                properties.lateRetention(), System::nanoTime);
    }

    @Bean
    JdbcCheckpoints checkpoints(JdbcTemplate jdbc) {
        return new JdbcCheckpoints(jdbc);
    }

    @Bean
    CheckpointService checkpointService(JdbcMerkleTree tree, TreeBuilder builder, JdbcCheckpoints checkpoints,
                                        NodeKeyCustody custody, CheckpointProperties properties, Clock clock) {
        return new CheckpointService(tree, builder, checkpoints, custody, properties, clock);
    }

    /** Extends the tree and signs a checkpoint when it grew, every {@code vacant.checkpoints.interval}. */
    @Bean
    @ConditionalOnProperty(name = "vacant.checkpoints.periodic", havingValue = "true", matchIfMissing = true)
    PeriodicCheckpoints periodicCheckpoints(CheckpointService checkpoints, CheckpointProperties properties) {
        return new PeriodicCheckpoints(checkpoints, properties.interval());
    }
}
