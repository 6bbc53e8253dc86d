package bench.plain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands and events of the baseline. Events carry a {@code filler} so that they are stored about as large as
 * Vacant's signed entries ({@code plain.event-padding}).
 */
final class Messages {

    private Messages() {
    }

    record GenesisCommand(String id, String systemPrompt, String policyDsl, java.util.List<String> tools,
                          String provider, String model, String modelFamily, String filler) {
    }

    record HeartbeatCommand(@TargetAggregateIdentifier String id, String filler) {
    }

    record CallCommand(@TargetAggregateIdentifier String id, String filler) {
    }

    record SpawnCommand(@TargetAggregateIdentifier String id, String childId, String path, String policyMutation,
                        String filler) {
    }

    record GenesisRecorded(String id, String systemPrompt, String policyDsl, java.util.List<String> tools,
                           String provider, String model, String modelFamily, String filler) {
    }

    record VacantBorn(String id, String parentId, String path, String policyMutation, String filler) {
    }

    record HeartbeatRecorded(String id, long seq, String filler) {
    }

    record CallReceived(String id, long seq, String filler) {
    }

    record ChildSpawned(String id, String childId, String path, long seq, String filler) {
    }
}
