-- Every FRAME process that runs jobs on this database (a window, a frame serve, a frame worker)
-- registers here and renews its heartbeat; one silent for longer than a lease is lost. Times are
-- the database's clock, epoch milliseconds, like every other time in the schema.
CREATE TABLE frame_node (
  id             VARCHAR(128) PRIMARY KEY,
  host           VARCHAR(255) NOT NULL,
  pid            BIGINT       NOT NULL,
  version        VARCHAR(64)  NOT NULL,
  kind           VARCHAR(16)  NOT NULL,
  started_at     BIGINT       NOT NULL,
  heartbeat_at   BIGINT       NOT NULL,
  running_jobs   INT          NOT NULL,
  completed_jobs BIGINT       NOT NULL,
  stopped_at     BIGINT
);
CREATE INDEX frame_node_heartbeat_idx ON frame_node (heartbeat_at);
