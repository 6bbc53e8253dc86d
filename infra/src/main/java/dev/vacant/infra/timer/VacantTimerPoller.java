package dev.vacant.infra.timer;

import dev.vacant.command.vacant.VacantCommands.FireVacantTimerCommand;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due timers: for each due vacant it sends {@link FireVacantTimerCommand}; the aggregate decides what is
 * really due (a dormancy step or a SUNK custody heartbeat) and reschedules or cancels. A timer missed during
 * downtime fires once on the next poll.
 */
public class VacantTimerPoller {

    private static final Logger log = LoggerFactory.getLogger(VacantTimerPoller.class);
    private static final int BATCH = 100;

    private final JdbcVacantTimers timers;
    private final CommandGateway commands;
    private final Clock clock;

    public VacantTimerPoller(JdbcVacantTimers timers, CommandGateway commands, Clock clock) {
        this.timers = timers;
        this.commands = commands;
        this.clock = clock;
    }

    /** Fires every timer due now; answers how many were fired. */
    public int fireDue() {
        List<String> due = timers.due(clock.instant(), BATCH);
        for (String vacantId : due) {
            try {
                commands.sendAndWait(new FireVacantTimerCommand(vacantId));
            } catch (RuntimeException e) {
                log.warn("Timer of {} failed; it stays due and is retried on the next poll", vacantId, e);
            }
        }
        return due.size();
    }
}
