package dev.vacant.infra.tuple;

import dev.vacant.infra.PostgresApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The lane worker's batch path on PostgreSQL. */
class InProcessLanesPostgresTest extends PostgresApplicationTest implements PortableLaneContract {

    @Autowired
    private ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }
}
