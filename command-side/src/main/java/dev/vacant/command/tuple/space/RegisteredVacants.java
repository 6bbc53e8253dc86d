package dev.vacant.command.tuple.space;

import dev.vacant.kernel.id.VacantId;
import java.util.Optional;
import java.util.Set;

/**
 * The registry facts a tuple op's authority rests on (port; infra reads them from the registry projection, so a
 * vacant created a moment ago may not be found yet).
 */
@FunctionalInterface
public interface RegisteredVacants {

    /** The vacant's controller and the tools of its bundle's whitelist, if the vacant is registered. */
    Optional<Registered> find(VacantId vacant);

    /** A registered vacant: who controls it and which tools it may use (its hookwall capabilities). */
    record Registered(String controller, Set<String> tools) {

        public Registered {
            tools = Set.copyOf(tools);
        }
    }
}
