package dev.vacant.infra.checkpoint;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Checkpoint settings under {@code vacant.checkpoints} ({@code docs/checkpoints.md}).
 *
 * @param periodic      whether the node extends the tree and signs a checkpoint by itself
 * @param interval      how often it does (a checkpoint is signed only when the tree grew)
 * @param origin        the log's origin line and key name; empty: {@code vacant/<node id>}
 * @param gapSettle     how long a gap in the event store's global index is waited for before the tree moves past it
 * @param lateRetention how long a gap given up is still watched for a late commit (appended at the tree's end)
 * @param witnesses     verifier keys ({@code name+keyid+base64}, type 0x04) of the witnesses whose cosignatures are kept
 */
@ConfigurationProperties("vacant.checkpoints")
public record CheckpointProperties(@DefaultValue("true") boolean periodic, @DefaultValue("10s") Duration interval,
                                   @DefaultValue("") String origin, @DefaultValue("5s") Duration gapSettle,
                                   @DefaultValue("10m") Duration lateRetention, @DefaultValue List<String> witnesses) {

    /** The origin of node {@code nodeId}'s log. */
    public String originFor(String nodeId) {
        return origin.isBlank() ? "vacant/" + nodeId : origin;
    }
}
