package dev.vacant.infra.vacant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.command.GroupCommitCommandBus;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.kernel.logbook.ChainVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Eight clients hammering one vacant leave one gap-free, valid chain with every acknowledged command in it, while
 * the command bus commits their commands in groups (and retries alone the groups a too-early heartbeat failed).
 */
class VacantConcurrencyTest extends VacantApiTestBase {

    @Autowired
    GroupCommitCommandBus bus;

    @Test
    void parallelCallsAndHeartbeats_produceAGapFreeValidChain() throws Exception {
        long groupsBefore = bus.groupsCommitted() + bus.groupsRetriedAlone();
        String vacant = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null)).text("id");
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> clients = new ArrayList<>();
        for (int client = 0; client < 8; client++) {
            int c = client;
            clients.add(pool.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    String kind = (c + i) % 5 == 0 ? "/heartbeats" : "/calls";
                    int status = api.post("/api/v1/vacants/" + vacant + kind, aliceToken, null).status();
                    if (status == 200) {
                        acknowledged.incrementAndGet();
                    } else if (status != 429) {
                        unexpected.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();

        var chain = logbook(vacant);
        assertThat(unexpected.get()).isZero();
        assertThat(chain).hasSize(1 + acknowledged.get());
        assertThat(acknowledged.get()).isGreaterThanOrEqualTo(8 * 12);
        for (int seq = 0; seq < chain.size(); seq++) {
            assertThat(chain.get(seq).seq()).isEqualTo(seq);
        }
        assertThat(ChainVerifier.verify(vacant, chain)).isEmpty();
        assertThat(bus.groupsCommitted() + bus.groupsRetriedAlone()).as("commands went through in groups")
                .isGreaterThan(groupsBefore);
    }
}
