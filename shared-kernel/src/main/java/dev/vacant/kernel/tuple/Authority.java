package dev.vacant.kernel.tuple;

import dev.vacant.kernel.id.VacantId;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The vacant on whose behalf an op runs (resolved by the server from the authenticated caller) and the
 * tools of its whitelist: together they are the capabilities a hookwall can admit.
 */
public record Authority(VacantId vacant, Set<String> tools) {

    private static final String VACANT_CAPABILITY = "cap:";

    public Authority {
        Objects.requireNonNull(vacant, "vacant");
        tools = Set.copyOf(tools);
    }

    /** {@code cap:<vacant_id>} plus every whitelisted tool name. */
    public Set<String> capabilities() {
        Set<String> capabilities = new HashSet<>(tools);
        capabilities.add(capabilityOf(vacant));
        return capabilities;
    }

    public static String capabilityOf(VacantId vacant) {
        return VACANT_CAPABILITY + vacant.value();
    }

    /** The vacant a {@code cap:<vacant_id>} capability names; empty for any other capability. */
    public static Optional<VacantId> vacantOf(String capability) {
        if (!capability.startsWith(VACANT_CAPABILITY)) {
            return Optional.empty();
        }
        String vacant = capability.substring(VACANT_CAPABILITY.length());
        return VacantId.isValid(vacant) ? Optional.of(VacantId.parse(vacant)) : Optional.empty();
    }
}
