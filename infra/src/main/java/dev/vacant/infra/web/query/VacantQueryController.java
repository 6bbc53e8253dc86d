package dev.vacant.infra.web.query;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.infra.config.LifecycleProperties;
import dev.vacant.infra.projection.ReadConsistency;
import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.drift.Anchor;
import dev.vacant.kernel.drift.DriftSettings;
import dev.vacant.kernel.drift.Stylo16;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.vacant.RegistryVisibility;
import dev.vacant.query.logbook.LogbookProjector;
import dev.vacant.query.logbook.LogbookQueries;
import dev.vacant.query.logbook.LogbookQueries.StoredEntry;
import dev.vacant.query.registry.RegistryFilter;
import dev.vacant.query.registry.RegistryProjector;
import dev.vacant.query.registry.RegistryQueries;
import dev.vacant.query.registry.RegistryRow;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Registry, logbook and drift reads ({@code api.md}). Vacants the caller may not see answer 404, exactly like
 * unknown ones. {@code position} or {@code consistency=strong} make a read wait for earlier writes.
 */
@RestController
@RequestMapping("/api/v1/vacants")
public class VacantQueryController {

    private static final List<String> REGISTRY = List.of(RegistryProjector.NAME);
    private static final List<String> REGISTRY_AND_LOGBOOK = List.of(RegistryProjector.NAME, LogbookProjector.NAME);

    private final RegistryQueries registry;
    private final LogbookQueries logbook;
    private final ReadConsistency consistency;
    private final DriftSettings driftSettings;

    public VacantQueryController(RegistryQueries registry, LogbookQueries logbook, ReadConsistency consistency,
                                 LifecycleProperties lifecycle) {
        this.registry = registry;
        this.logbook = logbook;
        this.consistency = consistency;
        this.driftSettings = lifecycle.drift();
    }

    /** One page of the registry. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record VacantPage(List<VacantView> items, String nextAfter) {
    }

    /** Raw logbook entries. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LogbookPage(String vacant, List<StoredEntry> entries, Long nextFromSeq) {
    }

    /** The drift anchor and the registry's drift summary. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DriftView(String vacant, String version, int anchorCount, boolean anchorComplete, double[] anchorMean,
                            double[] anchorStd, Long latestDriftMilli, long thresholdMilli, boolean drifting,
                            long driftDetections, long samples) {
    }

    @GetMapping
    public VacantPage list(@AuthenticationPrincipal Actor actor,
                           @RequestParam(required = false) LifecycleState state,
                           @RequestParam(required = false) String controller,
                           @RequestParam(required = false) RegistryVisibility visibility,
                           @RequestParam(required = false) String after,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                           @RequestParam(required = false) Long position,
                           @RequestParam(required = false) String consistency) {
        this.consistency.await(REGISTRY, position, ReadConsistency.strong(consistency));
        List<VacantView> items = registry.list(new RegistryFilter(actor, state, controller, visibility, after, limit))
                .stream().map(row -> VacantView.of(row, null)).toList();
        return new VacantPage(items, items.size() == limit ? items.get(items.size() - 1).id() : null);
    }

    @GetMapping("/{id}")
    public VacantView get(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                          @RequestParam(required = false) Long position,
                          @RequestParam(required = false) String consistency) {
        this.consistency.await(REGISTRY, position, ReadConsistency.strong(consistency), id);
        RegistryRow row = visible(actor, id);
        return VacantView.of(row, registry.content(row.bundleDigest()).map(Json::parse).orElse(null));
    }

    @GetMapping("/{id}/logbook")
    public LogbookPage logbook(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                               @RequestParam(name = "from_seq", defaultValue = "0") @Min(0) long fromSeq,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                               @RequestParam(required = false) Long position,
                               @RequestParam(required = false) String consistency) {
        this.consistency.await(REGISTRY_AND_LOGBOOK, position, ReadConsistency.strong(consistency), id);
        visible(actor, id);
        List<StoredEntry> entries = logbook.entries(id, fromSeq, limit);
        Long next = entries.size() == limit ? entries.get(entries.size() - 1).seq() + 1 : null;
        return new LogbookPage(id, entries, next);
    }

    @GetMapping("/{id}/drift")
    public DriftView drift(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                           @RequestParam(required = false) Long position,
                           @RequestParam(required = false) String consistency) {
        this.consistency.await(REGISTRY_AND_LOGBOOK, position, ReadConsistency.strong(consistency), id);
        RegistryRow row = visible(actor, id);
        Anchor anchor = logbook.anchorOf(id);
        long threshold = Math.round(driftSettings.threshold() * 1000);
        Long latest = row.driftLatestMilli();
        return new DriftView(id, Stylo16.VERSION, anchor.count(), anchor.complete(driftSettings),
                anchor.mean(), anchor.std(), latest, threshold, latest != null && latest >= threshold,
                row.driftDetections(), row.samples());
    }

    private RegistryRow visible(Actor actor, String id) {
        VacantRequests.vacantId("id", id);
        return registry.find(actor, id).orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no such vacant: " + id));
    }
}
