package dev.vacant.command.composite;

/** Where a vacant stands in a composite: not registered, inside its tree (registered), or graduated out of it. */
public enum ChildStanding {
    UNREGISTERED, INSIDE, GRADUATED
}
