package dev.vacant.infra.custody;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether an id names a vacant that was ever created. Custody keeps a row for every vacant from the command that
 * created it (a tombstone after archive), so the answer never waits for a projection.
 */
@Component
public class KnownVacants {

    private final JdbcTemplate jdbc;

    public KnownVacants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String vacantId) {
        return !jdbc.queryForList("select 1 from custody_key where vacant_id = ?", Integer.class, vacantId).isEmpty();
    }
}
