package dev.vacant.kernel.composite;

/** Computes the collusion signals between a graduating child and its parent; pluggable. */
public interface CollusionDetector {

    /** A detector that sees nothing, for operators who want only consent and rate limit. */
    CollusionDetector NONE = (parent, child) -> CollusionSignals.NONE;

    CollusionSignals signals(CollusionParty parent, CollusionParty child);
}
