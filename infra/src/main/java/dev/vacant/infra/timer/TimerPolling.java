package dev.vacant.infra.timer;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs a poll (the {@link VacantTimerPoller}'s, the task sweeper's) every {@code interval} on a thread of its own,
 * from the start of its application context until it stops: a lifecycle stops before the context's data source closes, and waits for a running poll,
 * so no poll ever runs against a closed pool.
 */
public final class TimerPolling implements SmartLifecycle {

    private static final int STOP_PATIENCE_SECONDS = 10;

    private final Runnable poll;
    private final String threadPrefix;
    private final Duration interval;
    private ThreadPoolTaskScheduler scheduler;

    /** The {@link VacantTimerPoller}'s polling. */
    public TimerPolling(VacantTimerPoller poller, Duration interval) {
        this(poller::fireDue, "vacant-timers-", interval);
    }

    /** Runs {@code poll} every {@code interval} on a thread named {@code threadPrefix...}. */
    public TimerPolling(Runnable poll, String threadPrefix, Duration interval) {
        this.poll = poll;
        this.threadPrefix = threadPrefix;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix(threadPrefix);
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(STOP_PATIENCE_SECONDS);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(poll, interval);
    }

    @Override
    public synchronized void stop() {
        scheduler.shutdown();
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
