package dev.vacant.infra.config;

import dev.vacant.kernel.drift.DriftSettings;
import dev.vacant.kernel.lifecycle.HeartbeatPeriods;
import dev.vacant.kernel.lifecycle.LifecycleSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifecycle, heartbeat and drift settings under {@code vacant.lifecycle} (defaults from {@code lifecycle.md}
 * and {@code drift.md}).
 */
@ConfigurationProperties("vacant.lifecycle")
public record LifecycleProperties(
        @DefaultValue("1h") Duration hibernateAfter,
        @DefaultValue("7d") Duration staleAfter,
        @DefaultValue("30d") Duration sinkAfter,
        @DefaultValue("90d") Duration archiveAfterSunk,
        @DefaultValue("60s") Duration heartbeatBase,
        @DefaultValue("900s") Duration heartbeatHibernating,
        @DefaultValue("86400s") Duration heartbeatSunk,
        @DefaultValue("20") int anchorSize,
        @DefaultValue("0.05") double minStd,
        @DefaultValue("6.0") double driftThreshold) {

    public LifecycleSettings lifecycle() {
        return new LifecycleSettings(hibernateAfter, staleAfter, sinkAfter, archiveAfterSunk,
                new HeartbeatPeriods(heartbeatBase, heartbeatHibernating, heartbeatSunk));
    }

    public DriftSettings drift() {
        return new DriftSettings(anchorSize, minStd, driftThreshold);
    }
}
