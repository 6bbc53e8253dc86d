package dev.vacant.infra.projection;

import dev.vacant.query.projection.ParkedSequences;
import dev.vacant.query.projection.ProjectionCatalog;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The projections' parked sequences read straight from the dead-letter table, in one query on the caller's
 * transaction (Axon's queue API answers one sequence at a time). The queue stores a vacant's sequence identifier,
 * a string, as it is.
 */
@Component
class JdbcParkedSequences implements ParkedSequences {

    private final JdbcTemplate jdbc;
    private final String query;

    JdbcParkedSequences(JdbcTemplate jdbc, DeadLetterSchema schema) {
        this.jdbc = jdbc;
        this.query = "select distinct " + schema.sequenceIdentifierColumn() + " from " + schema.deadLetterTable()
                + " where " + schema.processingGroupColumn() + " = ?";
    }

    @Override
    public Set<String> parkedSequences() {
        return new HashSet<>(jdbc.queryForList(query, String.class, ProjectionCatalog.PROCESSING_GROUP));
    }
}
