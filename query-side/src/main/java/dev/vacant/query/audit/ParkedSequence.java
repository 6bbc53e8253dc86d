package dev.vacant.query.audit;

/**
 * A vacant whose events a rebuild could not apply, as the live projections park it: the first event that failed
 * ({@code seq}, at {@code position}), why, and how many of the vacant's events were held back from there on.
 */
public record ParkedSequence(String vacant, long seq, long position, String reason, long events) {

    ParkedSequence withOneMore() {
        return new ParkedSequence(vacant, seq, position, reason, events + 1);
    }
}
