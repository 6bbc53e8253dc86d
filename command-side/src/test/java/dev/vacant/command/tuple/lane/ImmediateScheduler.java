package dev.vacant.command.tuple.lane;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Runs scheduled tasks at once and remembers the delays they asked for (backoff without sleeping). */
final class ImmediateScheduler extends ScheduledThreadPoolExecutor {

    private final List<Long> delaysMillis = new CopyOnWriteArrayList<>();

    ImmediateScheduler() {
        super(1);
    }

    List<Long> delaysMillis() {
        return delaysMillis;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        delaysMillis.add(unit.toMillis(delay));
        return super.schedule(command, 0, unit);
    }
}
