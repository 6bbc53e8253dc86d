package dev.vacant.infra.tuple.web;

import dev.vacant.command.tuple.space.RegisteredVacants;
import dev.vacant.command.tuple.space.RegisteredVacants.Registered;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.tuple.Authority;

/**
 * The one place where a tuple op's authority is decided: the request names a {@code vacant}; the caller must
 * control it (registry {@code controller}) or be an operator. The vacant's tool whitelist (its bundle) comes
 * along as hookwall capabilities. Reads the registry through {@link RegisteredVacants}, so a vacant created a
 * moment ago may not be found yet ({@code NOT_FOUND}).
 */
public class TupleAuthorities {

    private final RegisteredVacants registry;

    public TupleAuthorities(RegisteredVacants registry) {
        this.registry = registry;
    }

    /** The authority of {@code vacant} for {@code actor}: {@code VALIDATION_FAILED}, {@code NOT_FOUND} or {@code FORBIDDEN} otherwise. */
    public Authority resolve(Actor actor, String vacant) {
        if (vacant == null || !VacantId.isValid(vacant)) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, "vacant: a vacant id the caller controls is required");
        }
        VacantId id = VacantId.parse(vacant);
        Registered registered = registry.find(id)
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no such vacant: " + vacant));
        actor.requireControlOf(registered.controller());
        return new Authority(id, registered.tools());
    }
}
