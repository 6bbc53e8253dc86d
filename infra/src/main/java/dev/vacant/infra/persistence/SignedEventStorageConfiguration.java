package dev.vacant.infra.persistence;

import dev.vacant.kernel.event.Attached;
import dev.vacant.kernel.event.EventTypes;
import java.util.Map;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How signed events are stored ({@code docs/logbook-format.md}, Stored events): the event serializer
 * ({@link SignedEventSerializer}) over Axon's general serializer, the attachments of genesis and birth events moved
 * into the event's metadata on publication and back beside the entry on every read ({@link AttachmentsUpcaster}), and
 * rows of an earlier revision lifted to the current one on every read ({@link RevisionUpcaster}).
 */
@Configuration(proxyBeanMethods = false)
public class SignedEventStorageConfiguration {

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return new SignedEventSerializer(EventTypes.STANDARD, serializer);
    }

    @Bean
    public AttachmentsUpcaster attachmentsUpcaster() {
        return new AttachmentsUpcaster(EventTypes.STANDARD);
    }

    @Bean
    public RevisionUpcaster revisionUpcaster() {
        return new RevisionUpcaster(EventTypes.STANDARD);
    }

    /** Every event bus (the event store) records an attached event's attachments in the event's metadata. */
    @Bean
    static BeanPostProcessor attachmentsInMetaData() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EventBus bus) {
                    bus.registerDispatchInterceptor(events -> (index, event) -> withAttachments(event));
                }
                return bean;
            }
        };
    }

    /** {@code event} with its attachments, if it has any, in its metadata. */
    static EventMessage<?> withAttachments(EventMessage<?> event) {
        return event.getPayload() instanceof Attached attached
                ? event.andMetaData(Map.of(Attached.META_DATA_KEY, Attached.toMetaData(attached))) : event;
    }
}
