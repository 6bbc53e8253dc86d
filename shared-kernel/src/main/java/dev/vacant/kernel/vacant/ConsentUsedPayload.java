package dev.vacant.kernel.vacant;

/** Payload of the second parent's CONSENT_USED entry: the primary parent, the child and the spent nonce. */
public record ConsentUsedPayload(String primary, String child, String nonce) {
}
