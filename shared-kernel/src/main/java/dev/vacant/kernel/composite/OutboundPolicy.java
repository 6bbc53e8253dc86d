package dev.vacant.kernel.composite;

/** Outbound policy axis of a composite child: whom it may call (see {@link OutboundRule}). */
public enum OutboundPolicy {
    NO_EXTERNAL, PARENT_PERMITTED, UNRESTRICTED
}
