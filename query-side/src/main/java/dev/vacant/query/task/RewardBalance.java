package dev.vacant.query.task;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** An identity's rewards: the balance in micro-units and every grant (one per task). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RewardBalance(String identity, long balanceMicros, List<Grant> grants) {

    /** One grant of the ledger. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Grant(String taskId, long amountMicros) {
    }
}
