package dev.vacant.command.task;

import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.custody.NodeKey;
import dev.vacant.kernel.task.PreflightGate;
import dev.vacant.kernel.task.RequeueBound;
import java.time.Clock;
import java.time.Instant;

/**
 * What the task command handlers need from outside: the node key, custody (assignees sign), the clock, the requeue
 * bound and the preflight gate.
 */
public record TaskContext(NodeKey node, KeyCustody custody, Clock clock, RequeueBound requeues, PreflightGate gate) {

    public Instant now() {
        return clock.instant();
    }
}
