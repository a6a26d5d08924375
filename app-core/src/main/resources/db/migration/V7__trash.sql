-- Removed photos stay in the library, hidden, until the trash is emptied: removing and restoring
-- is one UPDATE each, so a crash leaves the photo or its removal, never half.
ALTER TABLE image ADD COLUMN removed_at BIGINT;
CREATE INDEX image_removed_idx ON image (removed_at);

-- Files of emptied photos still to delete. Their rows go in the same transaction that queues
-- them here; the files go after it commits, and a crash in between finishes at the next start.
CREATE TABLE file_purge (
  sha256    CHAR(64)   NOT NULL PRIMARY KEY,
  format    VARCHAR(8) NOT NULL,
  queued_at BIGINT     NOT NULL
);
