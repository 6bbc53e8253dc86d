package dev.vacant.query.projection;

import dev.vacant.kernel.event.VacantEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The live projections' fast path: the first time a projection handles an event of a processor batch, every event
 * of the batch from there on is applied to every projector of the catalog at once ({@link #applyBatch}: one
 * position lookup, each projector's rows read and written in a few JDBC batches), optimistically, under a single
 * savepoint. The projections' handlers then have nothing left to do for those events. If anything fails, the batch
 * is rolled back to that savepoint and its events go the per-event way, each under its own savepoint
 * ({@link EventSavepoints}), so the dead-letter queue parks the failing event's sequence alone, exactly as without
 * this path. Events of sequences already parked are left out (the queue holds them back); outside a processor
 * batch (a dead-letter retry) events take the per-event way.
 */
@Component
public class ProjectionBatches {

    private static final String RESOURCE = ProjectionBatches.class.getName();
    private static final String SAVEPOINT = "projected_batch";

    private final JdbcTemplate jdbc;
    private final StoredPositions positions;
    private final ParkedSequences parked;
    private final List<Projector> projectors = ProjectionCatalog.projectors();
    private final AtomicLong appliedWhole = new AtomicLong();
    private final AtomicLong appliedOneByOne = new AtomicLong();

    public ProjectionBatches(JdbcTemplate jdbc, StoredPositions positions, ParkedSequences parked) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.parked = parked;
    }

    /**
     * Applies {@code events}, in order, to every projector, projector after projector (a projector reads only its
     * own tables, so each sees the events in order). Shared by the live projections and audit replay's rebuild.
     */
    public static void applyBatch(JdbcTemplate jdbc, List<Projector> projectors, List<PositionedEvent> events) {
        if (!events.isEmpty()) {
            projectors.forEach(projector -> projector.applyAll(jdbc, events));
        }
    }

    /**
     * Whether event {@code eventId} was applied with its processor batch (the first call of a batch applies it),
     * so that the caller has nothing left to do; false when it has to be applied on its own.
     */
    public boolean appliedWithBatch(String eventId) {
        if (!CurrentUnitOfWork.isStarted() || !TransactionSynchronizationManager.isActualTransactionActive()
                || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)) {
            return false;
        }
        Set<String> applied = batch.getOrComputeResource(RESOURCE, key -> applyRest(batch));
        return applied.contains(eventId);
    }

    /** Processor batches applied whole, on the fast path (those with at least one event to apply). */
    public long batchesAppliedWhole() {
        return appliedWhole.get();
    }

    /** Processor batches that failed whole and were applied again event by event. */
    public long batchesAppliedOneByOne() {
        return appliedOneByOne.get();
    }

    /** Applies the batch's events from the current one on; the identifiers applied, none if it had to fall back. */
    private Set<String> applyRest(BatchingUnitOfWork<?> batch) {
        jdbc.execute("savepoint " + SAVEPOINT);
        try {
            Set<String> applied = applyAll(rest(batch));
            jdbc.execute("release savepoint " + SAVEPOINT);
            if (!applied.isEmpty()) {
                appliedWhole.incrementAndGet();
            }
            return applied;
        } catch (RuntimeException e) {
            jdbc.execute("rollback to savepoint " + SAVEPOINT);
            jdbc.execute("release savepoint " + SAVEPOINT);
            appliedOneByOne.incrementAndGet();
            return Set.of();
        }
    }

    private Set<String> applyAll(List<EventMessage<?>> events) {
        Map<String, EventPosition> at = positions.of(events.stream().map(EventMessage::getIdentifier).toList());
        List<PositionedEvent> positioned = events.stream()
                .map(event -> new PositionedEvent((VacantEvent) event.getPayload(), at.get(event.getIdentifier())))
                .toList();
        applyBatch(jdbc, projectors, positioned);
        Set<String> applied = new HashSet<>();
        events.forEach(event -> applied.add(event.getIdentifier()));
        return applied;
    }

    /** The batch's vacant events from the one being handled on, without those of parked sequences. */
    private List<EventMessage<?>> rest(BatchingUnitOfWork<?> batch) {
        List<? extends Message<?>> messages = batch.getMessages();
        Set<String> held = parked.parkedSequences();
        List<EventMessage<?>> rest = new ArrayList<>();
        boolean reached = false;
        for (Message<?> message : messages) {
            reached = reached || message == batch.getMessage();
            if (reached && message instanceof EventMessage<?> event && event.getPayload() instanceof VacantEvent
                    && !held.contains(sequenceOf(event))) {
                rest.add(event);
            }
        }
        return rest;
    }

    /** The sequence the dead-letter queue files an event under: its aggregate (the vacant). */
    private static String sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }
}
