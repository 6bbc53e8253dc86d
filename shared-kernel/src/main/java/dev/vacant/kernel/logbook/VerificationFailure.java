package dev.vacant.kernel.logbook;

/** One located verification failure: which vacant's chain, at which seq, and why. */
public record VerificationFailure(String vacant, long seq, VerificationFailureReason reason) {
}
