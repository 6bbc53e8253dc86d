-- A poller claims the due timers it fires until claimed_until, so that several instances never fire one timer
-- twice; a claim of a poller that died runs out and the timer is fired by another.
alter table vacant_timer add column claimed_until timestamp with time zone;
