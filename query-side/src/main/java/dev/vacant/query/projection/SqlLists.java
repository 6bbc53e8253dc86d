package dev.vacant.query.projection;

import java.util.Collections;

/** Placeholders for statements that read a whole batch's rows at once ({@code in (?, ?, ?)}). */
public final class SqlLists {

    private SqlLists() {
    }

    /** {@code count} placeholders, comma-separated. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** {@code count} copies of {@code condition} joined by {@code or}, each in parentheses. */
    public static String anyOf(String condition, int count) {
        return "(" + String.join(") or (", Collections.nCopies(count, condition)) + ")";
    }
}
