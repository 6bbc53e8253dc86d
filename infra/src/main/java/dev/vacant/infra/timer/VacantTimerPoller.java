package dev.vacant.infra.timer;

import dev.vacant.command.vacant.VacantCommands.FireVacantTimerCommand;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    /**
     * Fires every timer due now, a batch at a time (the batch's commands are sent together, so the command bus can
     * commit them together); answers how many were fired. Stops early when a whole batch failed.
     */
    public int fireDue() {
        int fired = 0;
        List<String> due;
        int succeeded;
        do {
            due = timers.due(clock.instant(), BATCH);
            succeeded = fire(due);
            fired += due.size();
        } while (due.size() == BATCH && succeeded > 0);
        return fired;
    }

    private int fire(List<String> due) {
        List<CompletableFuture<Object>> sent = due.stream()
                .map(vacantId -> commands.send(new FireVacantTimerCommand(vacantId))).toList();
        int succeeded = 0;
        for (int i = 0; i < due.size(); i++) {
            try {
                sent.get(i).join();
                succeeded++;
            } catch (CompletionException e) {
                log.warn("Timer of {} failed; it stays due and is retried on the next poll", due.get(i), e.getCause());
            }
        }
        return succeeded;
    }
}
