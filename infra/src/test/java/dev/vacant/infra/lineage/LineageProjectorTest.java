package dev.vacant.infra.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.query.lineage.LineageProjector;
import dev.vacant.query.projection.EventPosition;
import dev.vacant.query.projection.PositionedEvent;
import dev.vacant.query.projection.ProjectionCatalog;
import dev.vacant.query.projection.SqlLists;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lineage projector on PostgreSQL: idempotent, and deterministic enough that a reset rebuilds the same rows. */
class LineageProjectorTest extends VacantApiTestBase {

    @Autowired
    KeyCustody custody;
    @Autowired
    ProjectionPositions positions;

    private LineageClient lineage;

    @BeforeEach
    void client() {
        lineage = new LineageClient(api, operator, alice, aliceToken, custody, clock);
    }

    /** A root, two D1 children and their D4 merge, settled in the projection. */
    private List<String> diamond() {
        String root = lineage.root();
        String a = lineage.d1(root);
        String b = lineage.d1(root);
        List<String> vacants = List.of(root, a, b, lineage.d4(a, b));
        ProjectionWait.untilLineageCaughtUp(positions);
        return vacants;
    }

    /** Every lineage row about {@code vacants}: their nodes, the edges into them, their closure rows. */
    private List<Map<String, Object>> rowsOf(List<String> vacants) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String vacant : vacants) {
            rows.addAll(jdbc.queryForList("select * from lineage_node where vacant_id = ?", vacant));
            rows.addAll(jdbc.queryForList("select * from lineage_edge where child = ? order by secondary", vacant));
            rows.addAll(jdbc.queryForList("""
                    select c.* from lineage_closure c join lineage_node n on n.node = c.descendant
                    where n.vacant_id = ? order by c.ancestor""", vacant));
        }
        return rows;
    }

    @Test
    void projector_leavesTheSameRows_whenEveryEventIsAppliedAgain() {
        List<String> vacants = diamond();
        List<Map<String, Object>> before = rowsOf(vacants);
        LineageProjector projector = ProjectionCatalog.projector(LineageProjector.class);

        for (String vacant : vacants) {
            eventStore.readEvents(vacant).asStream().map(message -> (VacantEvent) message.getPayload())
                    .forEach(event -> projector.apply(jdbc, event, new EventPosition(999_999)));
        }

        assertThat(rowsOf(vacants)).isEqualTo(before);
        assertThat(before).filteredOn(row -> row.containsKey("secondary")).hasSize(4);
        assertThat(before).filteredOn(row -> row.containsKey("via_secondary")).hasSize(5);
    }

    @Test
    void applyAll_ofAFamilyInOneBatch_leavesTheRowsOfApplyingEachEventAlone() {
        List<String> vacants = diamond();
        String grandchild = lineage.d1(vacants.get(3));
        ProjectionWait.untilLineageCaughtUp(positions);
        List<String> family = new ArrayList<>(vacants);
        family.add(grandchild);
        List<Map<String, Object>> before = rowsOf(family);
        List<PositionedEvent> events = family.stream()
                .flatMap(vacant -> eventStore.readEvents(vacant).asStream())
                .map(message -> new PositionedEvent((VacantEvent) message.getPayload(), new EventPosition(
                        positions.globalIndexOf(message.getAggregateIdentifier(), message.getSequenceNumber()))))
                .sorted(Comparator.comparingLong(positioned -> positioned.position().globalIndex()))
                .toList();
        jdbc.update("delete from lineage_closure where descendant in (select node from lineage_node where vacant_id in ("
                + SqlLists.placeholders(family.size()) + "))", family.toArray());
        jdbc.update("delete from lineage_edge where child in (" + SqlLists.placeholders(family.size()) + ")",
                family.toArray());
        jdbc.update("delete from lineage_node where vacant_id in (" + SqlLists.placeholders(family.size()) + ")",
                family.toArray());

        ProjectionCatalog.projector(LineageProjector.class).applyAll(jdbc, events);

        assertThat(rowsOf(family)).isEqualTo(before);
        assertThat(before).filteredOn(row -> row.containsKey("via_secondary"))
                .as("the diamond's five closure rows, the grandchild's four").hasSize(5 + 4);
    }

    @Test
    void reset_rebuildsTheSameRows_fromTheEventStore() {
        List<String> vacants = diamond();
        List<Map<String, Object>> before = rowsOf(vacants);

        assertThat(api.post("/api/v1/projections/" + LineageProjector.NAME + "/reset", operator, null).status())
                .isEqualTo(202);
        ProjectionWait.untilLineageCaughtUp(positions);

        assertThat(rowsOf(vacants)).isEqualTo(before);
    }
}
