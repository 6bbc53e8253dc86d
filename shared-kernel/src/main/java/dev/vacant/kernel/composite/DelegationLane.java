package dev.vacant.kernel.composite;

import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.tuple.CompositeLane;

/**
 * The lane through which a composite delivers subtasks to one child, and the lane its answers come back on. Both are
 * composite-internal lanes of the parent ({@link CompositeLane}), so the parent's wall (its tree) guards them:
 * {@code composite.<parent key>.d.<child key>} and that name plus {@value #RESULTS_SUFFIX} (the results lane of an
 * execution lane, so the lane runner answers there). The child key is the first {@value #CHILD_KEY_CHARS} characters of
 * the child's id after {@code vac_} (80 bits: the lane must fit a lane name's 64 characters with its suffix).
 */
public record DelegationLane(String tasks) {

    /** The yool of a delegated subtask's tuple. */
    public static final String YOOL = "delegation";
    /** The suffix of the lane answers come back on. */
    public static final String RESULTS_SUFFIX = ".results";
    /** How many characters of the child's id (after {@code vac_}) name its lane. */
    public static final int CHILD_KEY_CHARS = 16;

    /** The delegation lane of {@code child} under {@code parent}. */
    public static DelegationLane of(VacantId parent, VacantId child) {
        String parentKey = parent.value().substring(VacantId.PREFIX.length(),
                VacantId.PREFIX.length() + CompositeLane.KEY_CHARS);
        String childKey = child.value().substring(VacantId.PREFIX.length(), VacantId.PREFIX.length() + CHILD_KEY_CHARS);
        return new DelegationLane(CompositeLane.PREFIX + parentKey + ".d." + childKey);
    }

    /** The lane answers come back on. */
    public String results() {
        return tasks + RESULTS_SUFFIX;
    }
}
