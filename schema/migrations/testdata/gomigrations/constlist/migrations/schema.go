package migrations

// Statements are applied in order by store.Migrate; the schema version is
// the number applied.
var Statements = []string{
	createAccounts,
	accountsEmailKey,
	`ALTER TABLE accounts ADD COLUMN handle text`,
	accountsHandleKey,
}

// Downgrades undo Statements, last first.
var Downgrades = []string{
	dropAccountsHandleKey,
	`ALTER TABLE accounts DROP COLUMN handle`,
	"DROP INDEX accounts_email_key",
	"DROP TABLE accounts",
}

const createAccounts = `CREATE TABLE accounts (
	id integer PRIMARY KEY AUTOINCREMENT,
	email text NOT NULL
)`

const accountsEmailKey = "CREATE UNIQUE INDEX accounts_email_key " +
	"ON accounts (email)"

const accountsHandleKey = "CREATE UNIQUE INDEX accounts_handle_key ON accounts (" + handleColumn + ")"

const handleColumn = "handle"

const dropAccountsHandleKey = "DROP INDEX accounts_handle_key"
