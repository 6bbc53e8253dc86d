package dev.vacant.command.vacant;

import dev.vacant.kernel.lifecycle.LifecycleState;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;

/** Reads a vacant's state as its aggregate replays it from the store, in a unit of work that writes nothing. */
public final class ReplayedVacant {

    private ReplayedVacant() {
    }

    /** The state of {@code vacantId}'s aggregate loaded through {@code repository} (empty its cache first to replay). */
    public static LifecycleState state(Repository<Vacant> repository, String vacantId) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(vacantId).invoke(Vacant::result).state();
        } finally {
            unitOfWork.rollback();
        }
    }
}
