package dev.vacant.kernel.id;

/** Self-certifying id of a server node: {@code node_} + base32 of the node's Ed25519 public key. */
public record NodeId(String value) {

    public static final String PREFIX = "node_";

    public NodeId {
        SelfCertifyingKey.decode(PREFIX, value);
    }

    public static NodeId parse(String value) {
        return new NodeId(value);
    }

    public static NodeId of(byte[] publicKey) {
        return new NodeId(SelfCertifyingKey.encode(PREFIX, publicKey));
    }

    public byte[] publicKey() {
        return SelfCertifyingKey.decode(PREFIX, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
