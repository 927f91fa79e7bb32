package migrations

// AuditSchema is created by the audit service on start-up.
const AuditSchema = `
-- one row per change
CREATE TABLE IF NOT EXISTS audit_events (
	id integer PRIMARY KEY AUTOINCREMENT,
	account_id integer NOT NULL,
	seq integer NOT NULL,
	UNIQUE (account_id, seq)
);`
