package dev.vacant.kernel.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.id.VacantId;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CompositeLaneTest {

    private static final VacantId PARENT = random();
    private static final VacantId MEMBER = random();
    private static final VacantId OUTSIDER = random();
    private static final String LANE = "composite." + PARENT.value().substring(4, 30) + ".work";

    private static VacantId random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return VacantId.of(key);
    }

    private static Optional<VacantId> treeParentOf(VacantId vacant) {
        return vacant.equals(MEMBER) ? Optional.of(PARENT) : Optional.empty();
    }

    @Test
    void parse_readsTheParentKeyAndName_ofALaneThatFitsTheLaneRule() {
        CompositeLane lane = CompositeLane.parse(LANE).orElseThrow();

        assertThat(TupleRules.name("lane", LANE)).isEqualTo(LANE);
        assertThat(lane.parentKey()).isEqualTo(PARENT.value().substring(4, 30));
        assertThat(lane.name()).isEqualTo("work");
    }

    @Test
    void parse_findsNoTree_inAReservedLaneWithoutTheForm() {
        assertThat(CompositeLane.reserved("composite.work")).isTrue();
        assertThat(CompositeLane.parse("composite.work")).isEmpty();
        assertThat(CompositeLane.parse("composite." + "1".repeat(26) + ".work")).isEmpty();
        assertThat(CompositeLane.reserved("work.composite.x")).isFalse();
    }

    @Test
    void admits_theParentAndItsTreeMembers_only() {
        CompositeLane lane = CompositeLane.parse(LANE).orElseThrow();

        assertThat(lane.admits(PARENT, CompositeLaneTest::treeParentOf)).isTrue();
        assertThat(lane.admits(MEMBER, CompositeLaneTest::treeParentOf)).isTrue();
        assertThat(lane.admits(OUTSIDER, CompositeLaneTest::treeParentOf)).isFalse();
    }

    @Test
    void admits_doesNotLookUpTheTree_ofTheParentItself() {
        AtomicInteger lookups = new AtomicInteger();

        CompositeLane.parse(LANE).orElseThrow().admits(PARENT, vacant -> {
            lookups.incrementAndGet();
            return Optional.empty();
        });

        assertThat(lookups).hasValue(0);
    }
}
