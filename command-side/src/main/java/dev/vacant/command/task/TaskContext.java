package dev.vacant.command.task;

import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.custody.NodeKey;
import dev.vacant.kernel.task.RequeueBound;
import java.time.Clock;
import java.time.Instant;

/** What the Task command handlers need from outside: the node key, custody (assignees sign), the clock, the requeue bound. */
public record TaskContext(NodeKey node, KeyCustody custody, Clock clock, RequeueBound requeues) {

    public Instant now() {
        return clock.instant();
    }
}
