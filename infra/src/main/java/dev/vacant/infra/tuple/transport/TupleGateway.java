package dev.vacant.infra.tuple.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.input.InputPolicy;
import dev.vacant.kernel.input.NumberRule;
import dev.vacant.kernel.tuple.TupleOp;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The front of the tuple space: sends an op and waits (bounded) for its reply. */
public final class TupleGateway {

    private final LaneTransport transport;
    private final Duration replyTimeout;

    public TupleGateway(LaneTransport transport, Duration replyTimeout) {
        this.transport = transport;
        this.replyTimeout = replyTimeout;
    }

    /**
     * The op's result, or its rejection as a {@link VacantException}. Every op is first held to the kernel's
     * {@link InputPolicy}, whichever adapter built it.
     */
    public JsonNode request(TupleOp op) {
        InputPolicy.require(op, NumberRule.EXACT);
        long wait = replyTimeout.toMillis() + (op instanceof TupleOp.In in ? in.timeoutMs() : 0);
        try {
            return transport.send(op).get(wait, TimeUnit.MILLISECONDS).orThrow();
        } catch (TimeoutException e) {
            throw new VacantException(ErrorCode.INTERNAL, "no reply to op " + op.opId() + " within " + wait + " ms");
        } catch (ExecutionException e) {
            throw new VacantException(ErrorCode.INTERNAL, "op " + op.opId() + " could not be sent");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VacantException(ErrorCode.INTERNAL, "interrupted");
        }
    }
}
