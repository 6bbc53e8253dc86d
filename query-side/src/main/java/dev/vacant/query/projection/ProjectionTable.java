package dev.vacant.query.projection;

import java.util.List;

/** A table a projector writes, with the columns that identify a row (for indexes and difference reports). */
public record ProjectionTable(String name, List<String> keyColumns) {

    public ProjectionTable {
        keyColumns = List.copyOf(keyColumns);
    }
}
