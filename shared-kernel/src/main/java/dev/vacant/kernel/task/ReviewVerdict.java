package dev.vacant.kernel.task;

/** The outcome of a review, with the lifecycle event it drives. */
public enum ReviewVerdict {
    APPROVED(TaskLifecycleEvent.REVIEW_APPROVED),
    REQUEUED(TaskLifecycleEvent.REVIEW_REQUEUED),
    FAILED(TaskLifecycleEvent.REVIEW_FAILED);

    private final TaskLifecycleEvent event;

    ReviewVerdict(TaskLifecycleEvent event) {
        this.event = event;
    }

    public TaskLifecycleEvent event() {
        return event;
    }
}
