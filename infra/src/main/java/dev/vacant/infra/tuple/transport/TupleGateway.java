package dev.vacant.infra.tuple.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.infra.tuple.space.FrontCheck;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.input.InputPolicy;
import dev.vacant.kernel.input.NumberRule;
import dev.vacant.kernel.tuple.TupleOp;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The front of the tuple space: checks what it can tell ahead ({@link FrontCheck}), sends an op and waits (bounded)
 * for its reply. Every op is timed in {@value #OPS_METRIC}, tagged with its {@code op}, {@code lane} and
 * {@code outcome} ({@code OK} or the error code).
 */
public final class TupleGateway {

    /** The timer of tuple ops. */
    public static final String OPS_METRIC = "vacant.tuple.ops";
    /** The outcome of an op answered with a result. */
    private static final String OK = "OK";

    private final LaneTransport transport;
    private final Duration replyTimeout;
    private final FrontCheck front;
    private final MeterRegistry meters;

    public TupleGateway(LaneTransport transport, Duration replyTimeout, FrontCheck front, MeterRegistry meters) {
        this.transport = transport;
        this.replyTimeout = replyTimeout;
        this.front = front;
        this.meters = meters;
    }

    /**
     * The op's result, or its rejection as a {@link VacantException}. Every op is first held to the kernel's
     * {@link InputPolicy}, whichever adapter built it.
     */
    public JsonNode request(TupleOp op) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = ErrorCode.INTERNAL.name();
        try {
            InputPolicy.require(op, NumberRule.EXACT);
            front.check(op);
            JsonNode result = send(op);
            outcome = OK;
            return result;
        } catch (VacantException e) {
            outcome = e.code().name();
            throw e;
        } finally {
            sample.stop(meters.timer(OPS_METRIC, "op", op.getClass().getSimpleName(), "lane", op.lane(),
                    "outcome", outcome));
        }
    }

    private JsonNode send(TupleOp op) {
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
