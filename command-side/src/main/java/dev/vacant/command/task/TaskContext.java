package dev.vacant.command.task;

import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.custody.NodeKeyCustody;
import dev.vacant.kernel.task.PreflightGate;
import dev.vacant.kernel.task.RequeueBound;
import dev.vacant.kernel.task.SpendingLimit;
import dev.vacant.kernel.task.skill.SkillRegistry;
import java.time.Clock;
import java.time.Instant;

/**
 * What the task command handlers need from outside: the node's key in custody (the node signs its decisions), custody (assignees sign), the clock, the requeue
 * bound, the preflight gate, the per-controller spending limit and the skill registry (tool-first routing).
 */
public record TaskContext(NodeKeyCustody nodeKey, KeyCustody custody, Clock clock, RequeueBound requeues, PreflightGate gate,
                          SpendingLimit spendingLimit, SkillRegistry skills) {

    public Instant now() {
        return clock.instant();
    }
}
