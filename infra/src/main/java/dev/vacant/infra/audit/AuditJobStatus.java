package dev.vacant.infra.audit;

/** Where an audit job stands: waiting, running, finished with a report (whatever it found), or unable to finish. */
public enum AuditJobStatus {
    QUEUED, RUNNING, DONE, FAILED
}
