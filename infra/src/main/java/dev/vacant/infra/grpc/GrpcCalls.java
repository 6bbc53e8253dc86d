package dev.vacant.infra.grpc;

import dev.vacant.infra.web.vacant.CommandSender;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Small helpers of the unary rpcs: answering once, and reading proto3's empty strings as absent values. */
final class GrpcCalls {

    private GrpcCalls() {
    }

    /** Answers a unary call with {@code value}. */
    static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }

    /**
     * Answers a unary call when {@code pending} completes, with its value as {@code message} maps it or with the
     * status of its failure ({@link GrpcErrors}), on the thread that completes it: no handler thread waits for a
     * command's commit.
     */
    static <V, T> void replyWhenDone(StreamObserver<T> observer, CompletableFuture<V> pending, Function<V, T> message) {
        pending.whenComplete((value, failure) -> {
            T answer;
            try {
                if (failure != null) {
                    throw CommandSender.failure(failure);
                }
                answer = message.apply(value);
            } catch (RuntimeException e) {
                observer.onError(GrpcErrors.toStatus(e));
                return;
            }
            reply(observer, answer);
        });
    }

    /** An unset string field as the absent (null) parameter REST passes. */
    static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
