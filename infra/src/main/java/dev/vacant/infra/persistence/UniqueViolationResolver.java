package dev.vacant.infra.persistence;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.stereotype.Component;

/**
 * Tells Axon's JDBC event store that an append collided with another writer's on {@code (aggregate_identifier,
 * sequence_number)}, so that it answers {@code ConcurrencyException} (which the command bus retries) rather than a
 * generic {@code EventStoreException}. Axon's own error-code resolver misses PostgreSQL's violation when the driver
 * reports it inside a {@link java.sql.BatchUpdateException}: this one looks for SQLSTATE {@code 23505}
 * (unique_violation, the same on PostgreSQL and H2) through the causes and chained exceptions.
 */
@Component
public class UniqueViolationResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && violatesUniqueness(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean violatesUniqueness(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
