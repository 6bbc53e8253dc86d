package dev.vacant.infra.audit;

/** Receives an audit's progress: the number of events to read, then the running count of events read. */
public interface AuditProgress {

    /** Progress that nobody watches. */
    AuditProgress NONE = new AuditProgress() {
        @Override
        public void started(long eventsTotal) {
        }

        @Override
        public void read(long eventsRead) {
        }
    };

    void started(long eventsTotal);

    void read(long eventsRead);
}
