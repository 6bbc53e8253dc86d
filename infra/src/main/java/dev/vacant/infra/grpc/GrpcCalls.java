package dev.vacant.infra.grpc;

import io.grpc.stub.StreamObserver;

/** Small helpers of the unary rpcs: answering once, and reading proto3's empty strings as absent values. */
final class GrpcCalls {

    private GrpcCalls() {
    }

    /** Answers a unary call with {@code value}. */
    static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }

    /** An unset string field as the absent (null) parameter REST passes. */
    static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
