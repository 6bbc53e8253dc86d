package dev.vacant.kernel.audit;

import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.event.TaskEvent;
import dev.vacant.kernel.event.TaskEvents.TaskSubmittedEvent;
import dev.vacant.kernel.event.TaskEvents.TaskTakenEvent;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookChain;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.LogbookSigner;
import dev.vacant.kernel.task.TaskLogbookKind;
import java.security.SecureRandom;
import java.time.Instant;

/** A task chain signed by a key the test holds (standing in for the node's): SUBMITTED, then TAKEN. */
final class FixtureTask {

    private final LogbookSigner node;
    private LogbookChain head = LogbookChain.empty("task_fixture");

    FixtureTask() {
        Ed25519KeyPair key = Ed25519.generate(new SecureRandom());
        node = new KeyPairSigner(VacantId.of(key.publicKey()), key.privateSeed());
    }

    String id() {
        return head.vacant();
    }

    TaskEvent submitted(Instant at) {
        return new TaskSubmittedEvent(append(TaskLogbookKind.SUBMITTED, at, "QUEUED"));
    }

    TaskEvent taken(Instant at) {
        return new TaskTakenEvent(append(TaskLogbookKind.TAKEN, at, "RUNNING"));
    }

    private LogbookEntry append(TaskLogbookKind kind, Instant at, String state) {
        LogbookEntry entry = head.append(kind.name(), at, Json.object().put("state", state), node);
        head = head.after(entry);
        return entry;
    }
}
