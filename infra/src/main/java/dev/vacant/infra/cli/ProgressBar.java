package dev.vacant.infra.cli;

import dev.vacant.infra.audit.AuditProgress;
import java.io.PrintWriter;

/**
 * An audit's progress as one line redrawn in place on the error stream:
 * {@code [##########----------]  50%  1,000/2,000 events}. It redraws only when the percentage changes and ends
 * its line when every event is read.
 */
final class ProgressBar implements AuditProgress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private long total;
    private int shown = -1;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void started(long eventsTotal) {
        total = eventsTotal;
        read(0);
    }

    @Override
    public void read(long eventsRead) {
        int percent = total == 0 ? 100 : (int) Math.min(100, eventsRead * 100 / total);
        if (percent == shown) {
            return;
        }
        shown = percent;
        int done = percent * WIDTH / 100;
        err.printf("\r[%s%s] %3d%%  %,d/%,d events", "#".repeat(done), "-".repeat(WIDTH - done), percent,
                Math.min(eventsRead, total), total);
        if (percent == 100) {
            err.println();
        }
        err.flush();
    }
}
