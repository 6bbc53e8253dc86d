package dev.vacant.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vacant.infra.EmbeddedApplicationTest;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class AxonWiringTest extends EmbeddedApplicationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void axonServerConnector_isAbsent_fromTheClasspath() throws IOException {
        assertThatThrownBy(() -> Class.forName("org.axonframework.axonserver.connector.AxonServerConfiguration"))
                .isInstanceOf(ClassNotFoundException.class);
        // axon-messaging itself ships one legacy class in that package; no other jar may add any
        assertThat(Collections.list(getClass().getClassLoader().getResources("org/axonframework/axonserver")))
                .extracting(URL::toString)
                .allMatch(location -> location.contains("/axon-messaging-"));
    }

    @Test
    void context_holdsNoAxonServerBean() {
        assertThat(context.getBeanDefinitionNames())
                .extracting(name -> context.getType(name))
                .filteredOn(type -> type != null && type.getPackageName().startsWith("org.axonframework.axonserver"))
                .isEmpty();
    }

    @Test
    void eventStorageEngine_isExactlyOneJdbcEngine() {
        assertThat(context.getBeansOfType(EventStorageEngine.class).values())
                .singleElement()
                .isInstanceOf(JdbcEventStorageEngine.class);
    }

    @Test
    void tokenStore_isExactlyOneJdbcTokenStore() {
        assertThat(context.getBeansOfType(TokenStore.class).values())
                .singleElement()
                .isInstanceOf(JdbcTokenStore.class);
    }

    @Test
    void sagaStore_isExactlyOneJdbcSagaStore() {
        assertThat(context.getBeansOfType(SagaStore.class).values())
                .singleElement()
                .isInstanceOf(JdbcSagaStore.class);
    }
}
