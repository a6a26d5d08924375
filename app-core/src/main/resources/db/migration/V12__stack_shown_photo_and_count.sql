-- Folded stacks as a plain indexed read (issues 31 and 32): each stack keeps the photo it shows
-- folded (its top, or when the top is in the trash its oldest photo still in the library) and how
-- many of its photos are in the library. Kept where stacks form, where the top changes and where
-- photos go to the trash or come back. Portable between HSQLDB and PostgreSQL.
ALTER TABLE stack ADD COLUMN shown_image_id BIGINT;
ALTER TABLE stack ADD COLUMN photo_count INT DEFAULT 0 NOT NULL;

UPDATE stack SET
  photo_count = (SELECT COUNT(*) FROM image m WHERE m.stack_id = stack.id AND m.removed_at IS NULL),
  shown_image_id = COALESCE(
    (SELECT m.id FROM image m WHERE m.id = stack.top_image_id AND m.stack_id = stack.id AND m.removed_at IS NULL),
    (SELECT MIN(m.id) FROM image m WHERE m.stack_id = stack.id AND m.removed_at IS NULL));
