package dev.vacant.query.projection;

import org.axonframework.eventhandling.TrackingToken;

/** The global position of the event a tracking processor is handling. */
public final class TrackedPositions {

    private TrackedPositions() {
    }

    public static EventPosition of(TrackingToken token) {
        return new EventPosition(token.position().orElseThrow(
                () -> new IllegalStateException("the token " + token + " has no position")));
    }
}
