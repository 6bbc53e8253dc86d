package dev.vacant.kernel.lifecycle;

/** Which configured period governs a state's heartbeats. */
public enum HeartbeatCadence {
    BASE, HIBERNATING, SUNK
}
