package dev.vacant.query.composite;

import dev.vacant.kernel.composite.AllowlistPayload;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.DelegatedPayload;
import dev.vacant.kernel.composite.DelegationCompletedPayload;
import dev.vacant.kernel.composite.GraduatedPayload;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.event.VacantEvents.AllowlistChangedEvent;
import dev.vacant.kernel.event.VacantEvents.ChildGraduatedEvent;
import dev.vacant.kernel.event.VacantEvents.ChildRegisteredEvent;
import dev.vacant.kernel.event.VacantEvents.DelegationCompletedEvent;
import dev.vacant.kernel.event.VacantEvents.OutboundCallAllowedEvent;
import dev.vacant.kernel.event.VacantEvents.OutboundCallDeniedEvent;
import dev.vacant.kernel.event.VacantEvents.SubtaskDelegatedEvent;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.kernel.vacant.LogbookKind;
import dev.vacant.query.projection.EventPosition;
import dev.vacant.query.projection.ProjectionTable;
import dev.vacant.query.projection.Projector;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The composite read model: registered children with their axes and manifests, the parent's allowlist, outbound
 * verdict counters per caller, delegations with their results, graduations and capability cards. Idempotent: it
 * remembers, per vacant, the last composite entry it applied ({@code composite_head}).
 */
public final class CompositeProjector implements Projector {

    public static final String NAME = "composite";

    static final String CHILDREN = "composite_child";
    static final String ALLOWLIST = "composite_allowlist";
    static final String OUTBOUND = "composite_outbound";
    static final String DELEGATIONS = "composite_delegation";
    static final String CARDS = "capability_card";
    private static final String HEADS = "composite_head";

    private static final Set<LogbookKind> KINDS = EnumSet.of(LogbookKind.CHILD_REGISTERED, LogbookKind.ALLOWLIST_CHANGED,
            LogbookKind.OUTBOUND_ALLOWED, LogbookKind.OUTBOUND_DENIED, LogbookKind.DELEGATED,
            LogbookKind.DELEGATION_COMPLETED, LogbookKind.GRADUATED);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ProjectionTable> tables() {
        return List.of(new ProjectionTable(CHILDREN, List.of("child_id")),
                new ProjectionTable(ALLOWLIST, List.of("parent_id", "peer_id")),
                new ProjectionTable(OUTBOUND, List.of("vacant_id")),
                new ProjectionTable(DELEGATIONS, List.of("delegation_id")),
                new ProjectionTable(CARDS, List.of("vacant_id")),
                new ProjectionTable(HEADS, List.of("vacant_id")));
    }

    @Override
    public void apply(JdbcTemplate jdbc, VacantEvent event, EventPosition position) {
        LogbookKind kind = event.kind();
        if (!KINDS.contains(kind) || alreadyApplied(jdbc, event)) {
            return;
        }
        String vacant = event.vacantId();
        OffsetDateTime at = OffsetDateTime.ofInstant(Timestamps.parse(event.entry().body().ts()), ZoneOffset.UTC);
        if (event instanceof ChildRegisteredEvent registered) {
            registered(jdbc, registered.payload().manifest(), at);
        } else if (event instanceof AllowlistChangedEvent changed) {
            allowlist(jdbc, vacant, changed.payload());
        } else if (event instanceof OutboundCallAllowedEvent) {
            count(jdbc, vacant, "allowed");
        } else if (event instanceof OutboundCallDeniedEvent) {
            count(jdbc, vacant, "denied");
        } else if (event instanceof SubtaskDelegatedEvent delegation) {
            delegated(jdbc, event, delegation.payload(), at);
        } else if (event instanceof DelegationCompletedEvent completion) {
            completed(jdbc, vacant, completion.payload(), at);
        } else if (event instanceof ChildGraduatedEvent graduation) {
            graduated(jdbc, vacant, graduation.payload(), at);
        }
        jdbc.update("update " + HEADS + " set head_seq = ? where vacant_id = ?", event.entry().seq(), vacant);
    }

    private static boolean alreadyApplied(JdbcTemplate jdbc, VacantEvent event) {
        List<Long> head = jdbc.queryForList("select head_seq from " + HEADS + " where vacant_id = ?", Long.class,
                event.vacantId());
        if (head.isEmpty()) {
            jdbc.update("insert into " + HEADS + " (vacant_id, head_seq) values (?, ?)", event.vacantId(), -1L);
            return false;
        }
        return event.entry().seq() <= head.get(0);
    }

    private static void registered(JdbcTemplate jdbc, ChildManifest manifest, OffsetDateTime at) {
        jdbc.update("insert into " + CHILDREN + " (child_id, parent_id, registered_at, schema_version, birth_path, "
                        + "closed_by_default, registry_visibility, endpoint_reachability, outbound_policy, manifest) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                manifest.childId(), manifest.parentId(), at, manifest.schemaVersion().label(),
                manifest.birthPath().name(), manifest.closedByDefault(), manifest.registryVisibility().name(),
                manifest.effectiveReachability().name(), manifest.effectiveOutboundPolicy().name(), Json.write(manifest));
    }

    private static void graduatedManifest(JdbcTemplate jdbc, ChildManifest manifest) {
        jdbc.update("update " + CHILDREN + " set schema_version = ?, closed_by_default = ?, registry_visibility = ?, "
                        + "endpoint_reachability = ?, outbound_policy = ?, manifest = ? where child_id = ?",
                manifest.schemaVersion().label(), manifest.closedByDefault(), manifest.registryVisibility().name(),
                manifest.effectiveReachability().name(), manifest.effectiveOutboundPolicy().name(), Json.write(manifest),
                manifest.childId());
    }

    private static void allowlist(JdbcTemplate jdbc, String parent, AllowlistPayload change) {
        change.added().forEach(peer ->
                jdbc.update("insert into " + ALLOWLIST + " (parent_id, peer_id) values (?, ?)", parent, peer));
        change.removed().forEach(peer ->
                jdbc.update("delete from " + ALLOWLIST + " where parent_id = ? and peer_id = ?", parent, peer));
    }

    private static void count(JdbcTemplate jdbc, String caller, String column) {
        int updated = jdbc.update("update " + OUTBOUND + " set " + column + " = " + column + " + 1 where vacant_id = ?",
                caller);
        if (updated == 0) {
            jdbc.update("insert into " + OUTBOUND + " (vacant_id, allowed, denied) values (?, ?, ?)", caller,
                    column.equals("allowed") ? 1 : 0, column.equals("denied") ? 1 : 0);
        }
    }

    private static void delegated(JdbcTemplate jdbc, VacantEvent event, DelegatedPayload delegated, OffsetDateTime at) {
        jdbc.update("insert into " + DELEGATIONS + " (delegation_id, parent_id, parent_seq, child_id, plan_id, plan_index, "
                        + "parallel, aggregate, subtask_digest, delegated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                delegated.delegationId(), event.vacantId(), event.entry().seq(), delegated.child(), delegated.planId(),
                delegated.planIndex(), delegated.parallel(), delegated.aggregate(), delegated.subtaskDigest(), at);
    }

    /** Only the parent's copy of a completion updates the delegation (the child's carries the same payload). */
    private static void completed(JdbcTemplate jdbc, String vacant, DelegationCompletedPayload completed,
                                  OffsetDateTime at) {
        if (vacant.equals(completed.parent())) {
            jdbc.update("update " + DELEGATIONS + " set result_digest = ?, result = ?, error = ?, completed_at = ? "
                    + "where delegation_id = ?", completed.resultDigest(), completed.result(), completed.error(), at,
                    completed.delegationId());
        }
    }

    /** The parent's entry graduates the child row; the child's entry carries the capability card. */
    private static void graduated(JdbcTemplate jdbc, String vacant, GraduatedPayload graduated, OffsetDateTime at) {
        if (vacant.equals(graduated.parent())) {
            graduatedManifest(jdbc, graduated.manifest());
            jdbc.update("update " + CHILDREN + " set graduated_at = ?, capability_text = ?, same_controller_milli = ?, "
                            + "same_substrate_milli = ?, same_stylo_milli = ? where child_id = ?",
                    at, graduated.capabilityText(), graduated.signals().sameControllerMilli(),
                    graduated.signals().sameSubstrateMilli(), graduated.signals().sameStyloMilli(), graduated.child());
        } else {
            jdbc.update("insert into " + CARDS + " (vacant_id, card, issued_at) values (?, ?, ?)",
                    vacant, Json.write(graduated.card()), at);
        }
    }
}
