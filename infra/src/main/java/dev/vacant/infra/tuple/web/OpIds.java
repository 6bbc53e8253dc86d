package dev.vacant.infra.tuple.web;

import dev.vacant.kernel.tuple.TupleIds;

/** The request's {@code op_id}, or a fresh UUIDv7 when it gives none. */
public class OpIds {

    private final TupleIds ids;

    public OpIds(TupleIds ids) {
        this.ids = ids;
    }

    public String orFresh(String opId) {
        return opId != null ? opId : ids.next().toString();
    }
}
