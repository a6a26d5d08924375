-- Issue 32, PostgreSQL only (HSQLDB has no partial indexes; its V11 changes nothing). A job's row
-- is updated twice, when it is claimed and when it ends, and neither update can be HOT (its state
-- is indexed), so each one writes a new entry into every index of the table. The claim reads only
-- PENDING jobs and the reaper only RUNNING ones: indexes on those states alone take no entry for
-- a claimed or finished job, and stay as small as the live queue instead of the whole history.
DROP INDEX job_due_idx;
CREATE INDEX job_due_idx ON job (priority, run_after, id) WHERE state = 'PENDING';
DROP INDEX job_lease_idx;
CREATE INDEX job_lease_idx ON job (lease_until) WHERE state = 'RUNNING';
-- Lookups by state (retry the failed jobs, the admin pages) kept their index through job_due_idx;
-- failed and cancelled jobs get one of their own, completed ones are most of the table anyway.
CREATE INDEX job_ended_idx ON job (state, id) WHERE state IN ('FAILED', 'CANCELLED');
-- An attempt is inserted when its run starts and its end written into the same row: free room on
-- its page lets that second write be a HOT update, which writes no index entry.
ALTER TABLE job_attempt SET (fillfactor = 70);
