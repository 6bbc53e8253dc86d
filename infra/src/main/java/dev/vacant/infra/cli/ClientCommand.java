package dev.vacant.infra.cli;

import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.TextFormat;
import com.google.rpc.ErrorInfo;
import dev.vacant.infra.grpc.ProtoJson;
import dev.vacant.infra.grpc.client.GrpcClients;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command of the thin gRPC client ({@code vacant genesis|show|...}, {@code vacant tuple ...}): opens a channel to
 * {@code --target}, runs one call, prints its answer (protobuf text, or JSON with {@code --json}). Exit codes: 0 done,
 * 2 usage error, 3 failure (server unreachable, internal error), 4 rejected: the server answered with an error code,
 * printed as {@code rejected: <CODE>: <message>}.
 */
abstract class ClientCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 3;
    static final int EXIT_REJECTED = 4;

    @Mixin
    ClientOptions options;

    @Spec
    CommandSpec spec;

    private ManagedChannel channel;

    /** Runs the command's call(s) on an open channel. */
    abstract void run();

    /** A stub on the open channel, sending the token. */
    <S extends AbstractStub<S>> S stub(Function<ManagedChannel, S> factory) {
        return GrpcClients.withToken(factory.apply(channel), options.token);
    }

    /** Sets an option on a request only when it was given (an unset proto field is an absent JSON field). */
    static <T> void ifGiven(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    void print(MessageOrBuilder answer) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(options.json ? ProtoJson.tree(answer).toString() : TextFormat.printer().printToString(answer).trim());
        out.flush();
    }

    @Override
    public Integer call() {
        channel = GrpcClients.channel(options.target);
        try {
            run();
            return EXIT_OK;
        } catch (StatusRuntimeException e) {
            PrintWriter err = spec.commandLine().getErr();
            Optional<String> code = GrpcClients.errorInfo(e).map(ErrorInfo::getReason).filter(reason -> !reason.equals("INTERNAL"));
            err.println(code.map(reason -> "rejected: " + reason + ": ").orElse("failed: " + e.getStatus().getCode() + ": ")
                    + e.getStatus().getDescription());
            err.flush();
            return code.isPresent() ? EXIT_REJECTED : EXIT_FAILED;
        } finally {
            channel.shutdownNow();
        }
    }
}
