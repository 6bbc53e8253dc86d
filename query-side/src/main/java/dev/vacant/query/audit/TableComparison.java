package dev.vacant.query.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One projection table, live against its rebuild from the store: rows the rebuild has and the live table lacks
 * ({@code missing}), rows only the live table has ({@code extra}), and a few keys of each.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TableComparison(String table, long rebuiltRows, long missing, long extra, List<String> missingKeys,
                              List<String> extraKeys) {

    public TableComparison {
        missingKeys = List.copyOf(missingKeys);
        extraKeys = List.copyOf(extraKeys);
    }

    /** Whether live and rebuilt rows are the same set. */
    public boolean identical() {
        return missing == 0 && extra == 0;
    }
}
