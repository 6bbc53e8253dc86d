package dev.vacant.command.tuple.space;

/** Where a lane worker delivers replies, after the transaction holding their effects committed. */
@FunctionalInterface
public interface ReplySink {

    void deliver(EncodedReply reply);
}
