-- The claim query reads due jobs in (run_after, id) order and stops after a batch; it can only
-- do that through an index in exactly that order after state. The lease index started with state
-- too, and the planner took it for the claim, sorting every pending job on each claim. Expired
-- leases are found by lease_until alone (only running jobs have one).
DROP INDEX job_due_idx;
DROP INDEX job_lease_idx;
CREATE INDEX job_due_idx ON job (state, run_after, id);
CREATE INDEX job_lease_idx ON job (lease_until);
