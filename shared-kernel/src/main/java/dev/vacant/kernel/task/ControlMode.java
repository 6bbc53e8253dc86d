package dev.vacant.kernel.task;

/**
 * The operator's switch over the task loop ({@code tasks.md}): HALT rejects new work and stops workers taking
 * tasks; PAUSE stops taking but keeps accepting; RESUME returns to RUNNING.
 */
public enum ControlMode {
    RUNNING("RESUME"), PAUSED("PAUSE"), HALTED("HALT");

    private final String command;

    ControlMode(String command) {
        this.command = command;
    }

    /** The operator command that enters this mode, also the kind of its entry on the {@code control} chain. */
    public String command() {
        return command;
    }

    /** Whether new tasks pass the gate. */
    public boolean acceptsWork() {
        return this != HALTED;
    }

    /** Whether workers may take tasks. */
    public boolean takesWork() {
        return this == RUNNING;
    }
}
