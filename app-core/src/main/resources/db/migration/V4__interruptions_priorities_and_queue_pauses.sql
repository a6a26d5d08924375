-- Issue 18: an attempt cut short because FRAME itself stopped (killed, crashed, its node died) is an
-- interruption, counted apart from failures and with its own, larger budget.
ALTER TABLE job ADD COLUMN interruptions INT DEFAULT 0 NOT NULL;
ALTER TABLE job ADD COLUMN max_interruptions INT DEFAULT 6 NOT NULL;
-- Runs an earlier FRAME recorded as LOST read as INTERRUPTED (JobAttempt.Outcome.parse): rewriting
-- them here would make HSQLDB warn "no data" on every new library, where there are none.

-- Issue 13: fresh imports and uploads (priority 0) go before regeneration and backfill (10).
-- The claim reads due jobs in (priority, run_after, id) order, so the index follows it.
ALTER TABLE job ADD COLUMN priority INT DEFAULT 0 NOT NULL;
DROP INDEX job_due_idx;
CREATE INDEX job_due_idx ON job (state, priority, run_after, id);

-- A paused job type (or '*' for the whole queue): nothing of it is claimed until it is resumed.
CREATE TABLE queue_pause (
  job_type  VARCHAR(32) PRIMARY KEY,
  paused_at BIGINT      NOT NULL
);
