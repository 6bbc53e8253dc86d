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
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Registry, logbook and drift reads ({@code api.md}) as the REST and gRPC adapters share them. Vacants the caller
 * may not see answer {@code NOT_FOUND}, exactly like unknown ones. {@code position} or {@code consistency=strong}
 * make a read wait for earlier writes.
 */
@Service
@Validated
public class VacantQueryService {

    private static final List<String> REGISTRY = List.of(RegistryProjector.NAME);
    private static final List<String> REGISTRY_AND_LOGBOOK = List.of(RegistryProjector.NAME, LogbookProjector.NAME);

    private final RegistryQueries registry;
    private final LogbookQueries logbook;
    private final ReadConsistency consistency;
    private final DriftSettings driftSettings;
    private final BundleContents bundles;

    public VacantQueryService(RegistryQueries registry, LogbookQueries logbook, ReadConsistency consistency,
                                 LifecycleProperties lifecycle, BundleContents bundles) {
        this.registry = registry;
        this.bundles = bundles;
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

    /** One page of the registry; {@code limit} 1..500, 50 when absent. */
    public VacantPage list(Actor actor, LifecycleState state, String controller, RegistryVisibility visibility,
                           String after, @Min(1) @Max(500) Integer limit, Long position, String consistency) {
        int size = limit == null ? 50 : limit;
        this.consistency.await(REGISTRY, position, ReadConsistency.strong(consistency));
        List<VacantView> items = registry.list(new RegistryFilter(actor, state, controller, visibility, after, size))
                .stream().map(row -> VacantView.of(row, null)).toList();
        return new VacantPage(items, items.size() == size ? items.get(items.size() - 1).id() : null);
    }

    /** One vacant with its bundle. */
    public VacantView get(Actor actor, String id, Long position, String consistency) {
        this.consistency.await(REGISTRY, position, ReadConsistency.strong(consistency), id);
        RegistryRow row = requireVisible(actor, id);
        return VacantView.of(row, bundles.of(row.bundleDigest()).orElse(null));
    }

    /** Raw logbook entries from {@code from_seq} (0 or more, 0 when absent), {@code limit} 1..1000 (100) of them. */
    public LogbookPage logbook(Actor actor, String id, @Min(0) Long fromSeq, @Min(1) @Max(1000) Integer limit,
                               Long position, String consistency) {
        int size = limit == null ? 100 : limit;
        this.consistency.await(REGISTRY_AND_LOGBOOK, position, ReadConsistency.strong(consistency), id);
        requireVisible(actor, id);
        List<StoredEntry> entries = logbook.entries(id, fromSeq == null ? 0 : fromSeq, size);
        Long next = entries.size() == size ? entries.get(entries.size() - 1).seq() + 1 : null;
        return new LogbookPage(id, entries, next);
    }

    /** The drift anchor and summary. */
    public DriftView drift(Actor actor, String id, Long position, String consistency) {
        this.consistency.await(REGISTRY_AND_LOGBOOK, position, ReadConsistency.strong(consistency), id);
        RegistryRow row = requireVisible(actor, id);
        Anchor anchor = logbook.anchorOf(id);
        long threshold = Math.round(driftSettings.threshold() * 1000);
        Long latest = row.driftLatestMilli();
        return new DriftView(id, Stylo16.VERSION, anchor.count(), anchor.complete(driftSettings),
                anchor.mean(), anchor.std(), latest, threshold, latest != null && latest >= threshold,
                row.driftDetections(), row.samples());
    }

    /** {@link #requireVisible} once the registry has caught up with every write so far (read-your-writes). */
    public RegistryRow requireVisibleNow(Actor actor, String id) {
        this.consistency.await(REGISTRY, null, true);
        return requireVisible(actor, id);
    }

    /** The registry row of {@code id} if the caller may see it, else {@code NOT_FOUND} (malformed: {@code VALIDATION_FAILED}). */
    public RegistryRow requireVisible(Actor actor, String id) {
        VacantRequests.vacantId("id", id);
        return registry.find(actor, id).orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no such vacant: " + id));
    }
}
