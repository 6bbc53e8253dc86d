package dev.vacant.command.task;

/**
 * How much a submitter has committed so far, in micro-units, for the per-controller {@code SpendingLimit}: what its
 * finished tasks cost and the {@code max_budget} of those still open (rejected tasks count nothing).
 */
public interface CommittedBudgets {

    long committedMicros(String submitter);
}
