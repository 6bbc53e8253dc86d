package dev.vacant.command.tuple.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.Template;
import dev.vacant.kernel.tuple.TupleOp;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaiterTest {

    private static final TupleOp.In IN = new TupleOp.In("op-1", "lane", new Authority(VacantId.of(new byte[32]), Set.of()),
            Template.ANY, 1_000);

    @Test
    void deadline_isKeptToTheMicrosecond_asTheDatabaseKeepsIt() {
        Waiter waiter = new Waiter(IN, Instant.parse("2026-01-01T00:00:00.123456789Z"));

        assertThat(waiter.deadline()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
        assertThat(waiter.dueAt(Instant.parse("2026-01-01T00:00:00.123456Z"))).isTrue();
        assertThat(waiter.dueAt(Instant.parse("2026-01-01T00:00:00.123455999Z"))).isFalse();
    }
}
