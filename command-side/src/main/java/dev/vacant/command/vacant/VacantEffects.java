package dev.vacant.command.vacant;

import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.vacant.LogbookKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * What follows a vacant's applied entries, outside its command handlers: the persistent timer is set to the vacant's
 * next due time (or cancelled) after an entry that moves it ({@link Vacant#movesTimer}), and an ARCHIVED entry
 * destroys the vacant's key in custody. Registered as the subscribing processor {@value #PROCESSING_GROUP} whose
 * handler failures propagate: it runs when the command's unit of work publishes its events, on the command's thread,
 * in its transaction, reading the aggregate that unit of work holds. So a rejected command, which applies nothing,
 * schedules and destroys nothing, and a transaction that rolls back takes the timer row and the key destruction back
 * with it.
 */
@ProcessingGroup(VacantEffects.PROCESSING_GROUP)
public class VacantEffects {

    public static final String PROCESSING_GROUP = "vacant-effects";

    private final Repository<Vacant> repository;
    private final VacantContext ctx;

    public VacantEffects(Repository<Vacant> repository, VacantContext ctx) {
        this.repository = repository;
        this.ctx = ctx;
    }

    @EventHandler
    void on(VacantEvent event) {
        String id = event.vacantId();
        if (event.kind() == LogbookKind.ARCHIVED) {
            ctx.custody().destroy(VacantId.parse(id));
        }
        Aggregate<Vacant> vacant = repository.load(id);
        if (vacant.invoke(v -> v.movesTimer(event))) {
            vacant.invoke(v -> v.timerDue(ctx.lifecycle()))
                    .ifPresentOrElse(due -> ctx.timers().schedule(id, due), () -> ctx.timers().cancel(id));
        }
    }
}
