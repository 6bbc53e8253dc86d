package dev.vacant.query.lineage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a descendants page ends, in the pages' order (depth, then BIRTH position); written {@code depth:position}.
 */
public record DescendantCursor(int depth, long position) {

    /** Before the first descendant. */
    public static final DescendantCursor START = new DescendantCursor(0, 0);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9}):(\\d{1,18})");

    /** Parses {@code depth:position}; anything else is an {@link IllegalArgumentException}. */
    public static DescendantCursor parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a cursor (depth:position)");
        }
        return new DescendantCursor(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }

    /** The cursor of the page ending with {@code last}. */
    public static DescendantCursor after(LineageLink last) {
        return new DescendantCursor(last.depth(), last.position());
    }

    @Override
    public String toString() {
        return depth + ":" + position;
    }
}
