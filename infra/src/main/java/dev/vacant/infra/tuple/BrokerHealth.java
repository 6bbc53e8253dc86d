package dev.vacant.infra.tuple;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** The Kafka cluster of the lane transport answers within {@code patience}: its cluster id and broker count. */
final class BrokerHealth extends AbstractHealthIndicator {

    private final AdminClient admin;
    private final Duration patience;

    BrokerHealth(AdminClient admin, Duration patience) {
        super("The Kafka cluster of the tuple lanes does not answer");
        this.admin = admin;
        this.patience = patience;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws InterruptedException, ExecutionException,
            TimeoutException {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) patience.toMillis()));
        int brokers = cluster.nodes().get(patience.toMillis(), TimeUnit.MILLISECONDS).size();
        health.up().withDetail("cluster_id", cluster.clusterId().get(patience.toMillis(), TimeUnit.MILLISECONDS))
                .withDetail("brokers", brokers);
    }
}
