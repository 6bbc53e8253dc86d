package dev.vacant.infra.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import dev.vacant.grpc.tuples.v1.InRequest;
import dev.vacant.grpc.tuples.v1.OutRequest;
import dev.vacant.grpc.tuples.v1.RdRequest;
import dev.vacant.grpc.tuples.v1.Template;
import dev.vacant.grpc.tuples.v1.Tuple;
import dev.vacant.grpc.tuples.v1.TuplesGrpc;
import dev.vacant.grpc.tuples.v1.TuplesGrpc.TuplesBlockingStub;
import dev.vacant.grpc.tuples.v1.WatchLaneRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vacant tuple out|in|rd|watch}: the lanes of the tuple space over {@code vacant.tuples.v1.Tuples}. */
@Command(name = "tuple", mixinStandardHelpOptions = true, description = "Tuple-space lanes: out, in, rd, watch.",
        subcommands = {TupleClientCommands.Out.class, TupleClientCommands.In.class, TupleClientCommands.Rd.class,
                       TupleClientCommands.Watch.class})
final class TupleClientCommands implements Runnable {

    @Spec
    CommandSpec spec;

    /** {@code vacant tuple} alone is a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: out, in, rd or watch");
    }

    /** A command on one lane for one vacant. */
    abstract static class LaneCommand extends ClientCommand {
        @Parameters(paramLabel = "LANE")
        String lane;
        @Option(names = "--vacant", required = true, description = "The vacant the caller acts for.")
        String vacant;
        @Option(names = "--yool", description = "The tuple's yool (out), or the yool to match.")
        String yool;

        TuplesBlockingStub tuples() {
            return stub(TuplesGrpc::newBlockingStub);
        }

        Template template() {
            return yool == null ? Template.getDefaultInstance() : Template.newBuilder().setYool(yool).build();
        }
    }

    @Command(name = "out", mixinStandardHelpOptions = true, description = "Write a tuple.")
    static final class Out extends LaneCommand {
        @Option(names = "--map", split = ",", required = true, description = "Map coordinates, e.g. 3,4.")
        List<Integer> map = new ArrayList<>();
        @Option(names = "--data", description = "The tuple's data, a JSON object.")
        String data;
        @Option(names = "--op-id", description = "Idempotency key (default: a fresh one).")
        String opId;

        @Override
        void run() {
            OutRequest.Builder request = OutRequest.newBuilder().setLane(lane).setVacant(vacant).addAllMap(map);
            ifGiven(yool, request::setYool);
            ifGiven(opId, request::setOpId);
            if (data != null) {
                request.setData(struct(data));
            }
            print(tuples().out(request.build()));
        }

        private Struct struct(String json) {
            Struct.Builder struct = Struct.newBuilder();
            try {
                JsonFormat.parser().merge(json, struct);
            } catch (InvalidProtocolBufferException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--data: not a JSON object");
            }
            return struct.build();
        }
    }

    @Command(name = "in", mixinStandardHelpOptions = true, description = "Take a matching tuple, waiting up to --timeout-ms.")
    static final class In extends LaneCommand {
        @Option(names = "--timeout-ms", defaultValue = "0")
        long timeoutMs;

        @Override
        void run() {
            print(tuples().in(InRequest.newBuilder().setLane(lane).setVacant(vacant).setTemplate(template())
                    .setTimeoutMs(timeoutMs).build()));
        }
    }

    @Command(name = "rd", mixinStandardHelpOptions = true, description = "Read a matching tuple without taking it.")
    static final class Rd extends LaneCommand {
        @Override
        void run() {
            print(tuples().rd(RdRequest.newBuilder().setLane(lane).setVacant(vacant).setTemplate(template()).build()));
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true, description = "Print tuples as they arrive in a lane.")
    static final class Watch extends LaneCommand {
        @Option(names = "--count", description = "Stop after this many tuples (default: follow until interrupted).")
        Integer count;

        @Override
        void run() {
            WatchLaneRequest.Builder request = WatchLaneRequest.newBuilder().setLane(lane).setVacant(vacant);
            ifGiven(yool, request::setYool);
            Iterator<Tuple> arriving = tuples().watchLane(request.build());
            for (int seen = 0; (count == null || seen < count) && arriving.hasNext(); seen++) {
                print(arriving.next());
            }
        }
    }
}
