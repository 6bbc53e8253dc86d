package dev.vacant.kernel.audit;

import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.VerificationFailure;
import java.util.List;
import java.util.Optional;

/**
 * What audit replay makes of one stored row before its chain sees it: the entry to feed into the chain the row is
 * filed under (absent when the row is unreadable or misfiled) and the failures found in the row itself.
 */
public record RowCheck(Optional<LogbookEntry> chainEntry, List<VerificationFailure> failures) {

    public RowCheck {
        failures = List.copyOf(failures);
    }
}
