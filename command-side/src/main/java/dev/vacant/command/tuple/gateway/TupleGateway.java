package dev.vacant.command.tuple.gateway;

import dev.vacant.command.tuple.space.FrontCheck;
import dev.vacant.command.tuple.space.TupleResult;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.input.InputPolicy;
import dev.vacant.kernel.input.NumberRule;
import dev.vacant.kernel.tuple.TupleOp;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The front of the tuple space: checks what it can tell ahead ({@link FrontCheck}), sends an op and waits (bounded)
 * for its reply. Every op is reported to the {@link TupleOpMeter} with how long it took and its outcome
 * ({@value #OK} or the error code).
 */
public final class TupleGateway {

    /** The outcome of an op answered with a result. */
    public static final String OK = "OK";

    private final LaneTransport transport;
    private final Duration replyTimeout;
    private final FrontCheck front;
    private final TupleOpMeter meter;

    public TupleGateway(LaneTransport transport, Duration replyTimeout, FrontCheck front, TupleOpMeter meter) {
        this.transport = transport;
        this.replyTimeout = replyTimeout;
        this.front = front;
        this.meter = meter;
    }

    /**
     * The op's typed result, or its rejection as a {@link VacantException}. Every op is first held to the kernel's
     * {@link InputPolicy}, whichever adapter built it.
     */
    public TupleResult request(TupleOp op) {
        long start = System.nanoTime();
        String outcome = ErrorCode.INTERNAL.name();
        try {
            InputPolicy.require(op, NumberRule.EXACT);
            front.check(op);
            TupleResult result = send(op);
            outcome = OK;
            return result;
        } catch (VacantException e) {
            outcome = e.code().name();
            throw e;
        } finally {
            meter.record(op, outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private TupleResult send(TupleOp op) {
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
