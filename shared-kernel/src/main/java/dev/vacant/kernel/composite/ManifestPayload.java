package dev.vacant.kernel.composite;

/** Payload of CHILD_REGISTERED (parent's chain) and MANIFEST_ACCEPTED (child's chain): the dual-signed manifest. */
public record ManifestPayload(ChildManifest manifest) {
}
