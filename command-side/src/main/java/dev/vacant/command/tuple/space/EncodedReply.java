package dev.vacant.command.tuple.space;

/** A reply with its JSON form ({@link TupleCodec}), encoded once: for the store and for the wire. */
public record EncodedReply(TupleReply reply, String json) {

    public static EncodedReply of(TupleReply reply) {
        return new EncodedReply(reply, TupleCodec.write(reply));
    }

    public static EncodedReply decode(String json) {
        return new EncodedReply(TupleCodec.reply(json), json);
    }

    public String opId() {
        return reply.opId();
    }
}
