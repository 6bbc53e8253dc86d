package dev.vacant.infra.projection;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.query.projection.ProjectionCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * The projections' parked sequences (Axon's sequenced dead-letter queue of {@link ProjectionCatalog#PROCESSING_GROUP}
 * on JDBC): an event a projection could not apply parks every event of its vacant from there on, while the other
 * vacants keep projecting. Lists them, counts them (the port health and metrics read) and retries a sequence.
 */
@Component
public class ProjectionDeadLetters {

    private final EventProcessingConfiguration processing;

    public ProjectionDeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** How many vacants' sequences are parked. */
    public long parkedSequences() {
        return queue().amountOfSequences();
    }

    /** How many events are parked, over all sequences. */
    public long parkedEvents() {
        return queue().size();
    }

    /** Whether events of {@code vacant} are parked. */
    public boolean parks(String vacant) {
        return queue().contains(vacant);
    }

    /** Every parked event, sequence by sequence, each sequence in order. */
    public List<ParkedEvent> list() {
        List<ParkedEvent> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue().deadLetters()) {
            sequence.forEach(letter -> parked.add(parked(letter)));
        }
        return parked;
    }

    /**
     * Applies the parked sequence holding dead letter {@code id} again, in order: true when the whole sequence was
     * applied (and left the queue), false when an event failed again (it stays parked, with its new cause);
     * {@code NOT_FOUND} for an unknown id.
     */
    public boolean retry(String id) {
        String vacant = list().stream().filter(event -> event.id().equals(id)).map(ParkedEvent::vacant).findFirst()
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no dead letter " + id));
        return processor().process(first -> vacant.equals(vacantOf(first.message())));
    }

    private static ParkedEvent parked(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        long seq = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        Optional<Cause> cause = letter.cause();
        String id = letter instanceof JdbcDeadLetter<?> stored ? stored.getIdentifier() : event.getIdentifier();
        return new ParkedEvent(id, vacantOf(event), seq, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                cause.map(Cause::type).orElse(null), cause.map(Cause::message).orElse(null), letter.enqueuedAt(),
                letter.lastTouched());
    }

    /** The sequence an event is parked in: its vacant (the processor sequences events per aggregate). */
    private static String vacantOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return processing.deadLetterQueue(ProjectionCatalog.PROCESSING_GROUP)
                .orElseThrow(() -> new IllegalStateException("the projections have no dead-letter queue"));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor() {
        return processing.sequencedDeadLetterProcessor(ProjectionCatalog.PROCESSING_GROUP)
                .orElseThrow(() -> new IllegalStateException("the projections have no dead-letter queue"));
    }
}
