package dev.vacant.infra.web.lineage;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.query.lineage.DescendantCursor;
import java.util.Arrays;

/**
 * The validated parameters of {@code GET /vacants/{id}/lineage} ({@code docs/lineage.md}). A malformed value, or
 * one that does not apply to the direction or format asked for, is {@code VALIDATION_FAILED}.
 *
 * @param offset {@code page * size}
 * @param after  the keyset cursor, {@link DescendantCursor#START} without one
 */
record LineageRequest(LineageDirection direction, boolean tree, int depth, long offset, int size, DescendantCursor after) {

    static final int MAX_DEPTH = 1000;
    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;
    static final int MAX_TREE_NODES = 1000;
    /** The deepest offset {@code page} reaches: deeper, offsets cost a scan of everything skipped; {@code after} does not. */
    static final long MAX_OFFSET = 10_000;

    static LineageRequest of(String direction, String format, Integer depth, Integer page, Integer size, String after) {
        LineageDirection walk = direction == null ? LineageDirection.DESCENDANTS : direction(direction);
        boolean tree = tree(format);
        if (tree && walk != LineageDirection.DESCENDANTS) {
            throw invalid("format=tree applies to descendants only");
        }
        if (depth != null && !walk.deep()) {
            throw invalid("depth applies to ancestors and descendants only");
        }
        if ((page != null || size != null || after != null) && (tree || !walk.paged())) {
            throw invalid("page, size and after apply to lists of descendants or children only");
        }
        if (page != null && after != null) {
            throw invalid("page and after cannot be combined");
        }
        int pageSize = size == null ? DEFAULT_SIZE : within("size", size, 1, MAX_SIZE);
        long offset = page == null ? 0 : (long) within("page", page, 0, Integer.MAX_VALUE) * pageSize;
        if (offset > MAX_OFFSET) {
            throw invalid("page * size must not exceed " + MAX_OFFSET + "; follow next_after to go deeper");
        }
        int maxDepth = depth != null ? within("depth", depth, 1, MAX_DEPTH)
                : walk == LineageDirection.ANCESTORS ? MAX_DEPTH : 1;
        return new LineageRequest(walk, tree, maxDepth, offset, pageSize,
                after == null ? DescendantCursor.START : cursor(after));
    }

    private static LineageDirection direction(String name) {
        return Arrays.stream(LineageDirection.values()).filter(d -> d.apiName().equals(name)).findFirst()
                .orElseThrow(() -> invalid("direction must be ancestors, descendants, children or parents"));
    }

    private static boolean tree(String format) {
        if (format == null || format.equals("list")) {
            return false;
        }
        if (format.equals("tree")) {
            return true;
        }
        throw invalid("format must be list or tree");
    }

    private static int within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(name + " must be between " + min + " and " + max);
        }
        return value;
    }

    private static DescendantCursor cursor(String after) {
        try {
            return DescendantCursor.parse(after);
        } catch (IllegalArgumentException e) {
            throw invalid("after: " + e.getMessage());
        }
    }

    private static VacantException invalid(String message) {
        return new VacantException(ErrorCode.VALIDATION_FAILED, message);
    }
}
