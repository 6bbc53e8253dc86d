package dev.vacant.infra.custody;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.PostgresApplicationTest;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.id.VacantId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The keys a transaction creates: stored together as it commits, never seen missing, never stored when it rolls back. */
class AesGcmKeyCustodyTest extends PostgresApplicationTest {

    @Autowired
    KeyCustody custody;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private int stored(VacantId... ids) {
        return List.of(ids).stream().mapToInt(id -> jdbc.queryForObject(
                "select count(*) from custody_key where vacant_id = ?", Integer.class, id.value())).sum();
    }

    @Test
    void theKeysOfATransaction_areStoredAsItCommits_andOneDestroyedInItStaysDestroyed() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<VacantId> created = transaction.execute(status -> {
            VacantId kept = custody.create();
            VacantId destroyed = custody.create();
            assertThat(stored(kept, destroyed)).as("held back until the commit").isZero();
            assertThat(custody.holds(kept)).as("custody itself sees the keys it holds back").isTrue();
            custody.destroy(destroyed);
            return List.of(kept, destroyed);
        });

        assertThat(custody.holds(created.get(0))).isTrue();
        assertThat(custody.holds(created.get(1))).isFalse();
        assertThat(stored(created.get(1))).as("its tombstone").isOne();
    }

    @Test
    void aKeyIsStoredWhenItsTransactionCommits_andNotWhenItRollsBack() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        VacantId committed = transaction.execute(status -> custody.create());
        VacantId rolledBack = transaction.execute(status -> {
            VacantId id = custody.create();
            status.setRollbackOnly();
            return id;
        });

        assertThat(stored(committed)).isOne();
        assertThat(stored(rolledBack)).isZero();
    }
}
