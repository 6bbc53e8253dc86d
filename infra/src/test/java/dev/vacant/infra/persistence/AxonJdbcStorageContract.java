package dev.vacant.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Round trips through Axon's JDBC stores on the Flyway-created tables, run on each database by the
 * implementing test class.
 */
interface AxonJdbcStorageContract {

    /** An event payload of the round trip. */
    record ProbeHappened(String text, int number) {
    }

    @Test
    default void appendedEvent_readsBackIntact_throughTheEventStorageEngine(@Autowired EventStorageEngine engine) {
        String aggregateId = UUID.randomUUID().toString();
        engine.appendEvents(new GenericDomainEventMessage<>("Probe", aggregateId, 0,
                new ProbeHappened("bytes survive", 42), MetaData.with("origin", "test")));

        List<? extends DomainEventMessage<?>> events = engine.readEvents(aggregateId).asStream().toList();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getPayload()).isEqualTo(new ProbeHappened("bytes survive", 42));
            assertThat(event.getMetaData()).containsEntry("origin", "test");
            assertThat(event.getSequenceNumber()).isZero();
        });
    }

    @Test
    default void storedToken_readsBack_throughTheTokenStore(@Autowired TokenStore tokenStore) {
        String processor = "probe-" + UUID.randomUUID();
        tokenStore.initializeTokenSegments(processor, 1);
        tokenStore.fetchToken(processor, 0);

        tokenStore.storeToken(new GlobalSequenceTrackingToken(7), processor, 0);

        assertThat(tokenStore.fetchToken(processor, 0)).isEqualTo(new GlobalSequenceTrackingToken(7));
    }
}
