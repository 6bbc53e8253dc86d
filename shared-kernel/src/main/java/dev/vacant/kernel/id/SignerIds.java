package dev.vacant.kernel.id;

import java.util.Optional;

/** Resolves the public key of a signer id, which is either a {@link VacantId} or a {@link NodeId}. */
public final class SignerIds {

    private SignerIds() {
    }

    /** The public key encoded in {@code signer}, or empty when it is neither a vacant nor a node id. */
    public static Optional<byte[]> publicKeyOf(String signer) {
        try {
            if (signer != null && signer.startsWith(VacantId.PREFIX)) {
                return Optional.of(VacantId.parse(signer).publicKey());
            }
            if (signer != null && signer.startsWith(NodeId.PREFIX)) {
                return Optional.of(NodeId.parse(signer).publicKey());
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
