package dev.vacant.infra.tuple;

import dev.vacant.infra.EmbeddedApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The lane worker's batch path on H2 (the embedded default). */
class InProcessLanesEmbeddedTest extends EmbeddedApplicationTest implements PortableLaneContract {

    @Autowired
    private ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }
}
