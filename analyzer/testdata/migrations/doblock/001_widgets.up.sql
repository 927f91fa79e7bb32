CREATE TABLE widgets (
    id   bigserial PRIMARY KEY,
    code text NOT NULL CONSTRAINT widgets_code_key UNIQUE
);

-- The replacement happens inside a DO block: whether it ran depends on
-- the IF, which the reader cannot evaluate.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'widgets_code_live') THEN
        ALTER TABLE widgets DROP CONSTRAINT widgets_code_key;
    END IF;
END $$;
