package dev.vacant.query.projection;

import java.util.Collections;

/**
 * Placeholders for statements that read a whole batch's rows at once ({@code in (?, ?, ?)}, or a {@code values}
 * list to join against).
 */
public final class SqlLists {

    private SqlLists() {
    }

    /** {@code count} placeholders, comma-separated. */
    public static String placeholders(int count) {
        return repeated("?", count);
    }

    /** {@code count} copies of {@code item}, comma-separated (the rows of a {@code values} list, for example). */
    public static String repeated(String item, int count) {
        return String.join(", ", Collections.nCopies(count, item));
    }
}
