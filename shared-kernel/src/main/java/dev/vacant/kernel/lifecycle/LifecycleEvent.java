package dev.vacant.kernel.lifecycle;

/** The seven lifecycle events; {@link #DORMANCY_ELAPSED} is fired by the server's timers only. */
public enum LifecycleEvent {
    HEARTBEAT, CALL_RECEIVED, REVIEW_RECEIVED, REVIVE_REQUESTED, ARCHIVE_REQUESTED, SPAWN_REQUESTED, DORMANCY_ELAPSED
}
