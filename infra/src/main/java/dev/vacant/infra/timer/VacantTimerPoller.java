package dev.vacant.infra.timer;

import dev.vacant.command.vacant.VacantCommands.FireVacantTimerCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due timers: for each due vacant it sends {@link FireVacantTimerCommand}; the aggregate decides what is
 * really due (a dormancy step or a SUNK custody heartbeat) and reschedules or cancels. A timer missed during
 * downtime fires once on the next poll. Each due timer is claimed first ({@link JdbcVacantTimers#claimDue}), so that
 * pollers of several instances on one database fire it once; a timer whose command failed is released for the next
 * poll, and the claim of a poller that died runs out after {@code claimLease}.
 */
public class VacantTimerPoller {

    private static final Logger log = LoggerFactory.getLogger(VacantTimerPoller.class);
    private static final int BATCH = 100;

    private final JdbcVacantTimers timers;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration claimLease;

    public VacantTimerPoller(JdbcVacantTimers timers, CommandGateway commands, Clock clock, Duration claimLease) {
        this.timers = timers;
        this.commands = commands;
        this.clock = clock;
        this.claimLease = claimLease;
    }

    /**
     * Fires every timer due now that no other poller has claimed, a batch at a time (the batch's commands are sent
     * together, so the command bus can commit them together); answers how many this poller fired. Stops early when a
     * whole batch failed.
     */
    public int fireDue() {
        int fired = 0;
        List<String> due;
        int succeeded;
        do {
            Instant now = clock.instant();
            due = timers.claimDue(now, now.plus(claimLease), BATCH);
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
                timers.release(due.get(i));
                log.warn("Timer of {} failed; it stays due and is retried on the next poll", due.get(i), e.getCause());
            }
        }
        return succeeded;
    }
}
