package dev.vacant.command.vacant;

/** One delegation as the parent recorded it: its id, its plan's id, and the parent after the entry. */
record DelegationRecord(String delegationId, String planId, VacantCommandResult parent) {
}
