package dev.vacant.command.composite;

import dev.vacant.command.vacant.VacantCommandResult;

/** One delegation as the parent recorded it: its id, its plan's id, and the parent after the entry. */
record DelegationRecord(String delegationId, String planId, VacantCommandResult parent) {
}
