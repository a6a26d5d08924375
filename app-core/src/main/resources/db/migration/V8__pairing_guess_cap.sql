-- Issue 27: a pairing code dies after 5 wrong guesses in total, from any address. Every wrong
-- guess counts against every code still open (a guess that matches nothing names no code).
-- The digits are now stored as an HMAC under a key kept in the data folder, not in the database:
-- codes made before this version (an unkeyed SHA-256) no longer match, and they expire within
-- ten minutes anyway.
ALTER TABLE pairing_code ADD COLUMN wrong_guesses INT DEFAULT 0 NOT NULL;
ALTER TABLE pairing_code ADD COLUMN closed_at BIGINT;
