package dev.vacant.infra.timer;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs the {@link VacantTimerPoller} every {@code interval} on a thread of its own, from the start of its application
 * context until it stops: a lifecycle stops before the context's data source closes, and waits for a running poll,
 * so no poll ever runs against a closed pool.
 */
public final class TimerPolling implements SmartLifecycle {

    private static final int STOP_PATIENCE_SECONDS = 10;

    private final VacantTimerPoller poller;
    private final Duration interval;
    private ThreadPoolTaskScheduler scheduler;

    public TimerPolling(VacantTimerPoller poller, Duration interval) {
        this.poller = poller;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("vacant-timers-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(STOP_PATIENCE_SECONDS);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(poller::fireDue, interval);
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
