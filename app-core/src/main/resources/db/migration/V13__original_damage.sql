-- Set when a scrub found the local original's bytes no longer match its SHA-256 and could not mend
-- them; cleared once it is mended (by a scrub, or by importing the same bytes again). An import of
-- a photo already held reads it instead of re-hashing the stored file.
ALTER TABLE image ADD COLUMN original_damaged_at BIGINT;
