package dev.vacant.infra.support;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.vacant.command.tuple.lane.LocalExecutor;
import dev.vacant.kernel.composite.DelegationLane;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The test context's in-process runtime of composite children: a delegated subtask is answered "done: <subtask>". */
@TestConfiguration(proxyBeanMethods = false)
public class TestDelegationExecutor {

    @Bean(DelegationLane.YOOL)
    LocalExecutor delegation() {
        return data -> TextNode.valueOf("done: " + data.path("subtask").asText());
    }
}
