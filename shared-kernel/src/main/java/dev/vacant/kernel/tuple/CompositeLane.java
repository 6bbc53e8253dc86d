package dev.vacant.kernel.tuple;

import dev.vacant.kernel.id.VacantId;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A composite-internal lane, {@code composite.<key>.<name>}: {@code key} is the first 26 characters of the parent's id
 * after {@code vac_} (130 bits of its public key, so finding another key with that prefix is a 2^130 search; the whole
 * id, 56 characters, would leave no room for a name within a lane's 64), {@code name} the rest (at most 27
 * characters). Such a lane is guarded by its parent's wall, the tree: the parent and the children inside its tree.
 * Every lane under {@code composite.} is reserved; one without this form belongs to no tree and admits nobody.
 */
public record CompositeLane(String parentKey, String name) {

    /** The prefix reserved for composite-internal lanes. */
    public static final String PREFIX = "composite.";
    /** How many characters of the parent's id (after {@code vac_}) a composite lane carries. */
    public static final int KEY_CHARS = 26;

    private static final Pattern FORM = Pattern.compile("composite\\.([a-z2-7]{" + KEY_CHARS + "})\\.([a-z0-9._-]+)");

    /** Whether {@code lane} is under the reserved prefix. */
    public static boolean reserved(String lane) {
        return lane.startsWith(PREFIX);
    }

    /** The composite lane {@code lane} names, or empty when it does not have the form. */
    public static Optional<CompositeLane> parse(String lane) {
        Matcher matcher = FORM.matcher(lane);
        return matcher.matches()
                ? Optional.of(new CompositeLane(matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }

    /**
     * Whether {@code vacant} may use this lane: it is the parent, or the composite whose tree it is inside
     * ({@code treeParentOf}, asked only when {@code vacant} is not the parent) is.
     */
    public boolean admits(VacantId vacant, Function<VacantId, Optional<VacantId>> treeParentOf) {
        return isParent(vacant) || treeParentOf.apply(vacant).filter(this::isParent).isPresent();
    }

    private boolean isParent(VacantId vacant) {
        return vacant.value().startsWith(VacantId.PREFIX + parentKey);
    }
}
