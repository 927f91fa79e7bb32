-- A key added later.
ALTER TABLE accounts ADD CONSTRAINT accounts_ref_key UNIQUE (ref);
-- Unique among live rows only.
CREATE UNIQUE INDEX CONCURRENTLY accounts_nickname_live ON accounts (nickname) WHERE deleted_at IS NULL;
-- PostgreSQL named this one accounts_old_code_key.
ALTER TABLE accounts DROP CONSTRAINT accounts_old_code_key;
-- The key on region follows the column to its new name.
ALTER TABLE accounts RENAME COLUMN region TO zone;
