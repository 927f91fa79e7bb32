package livedb

import (
	"context"
	"errors"
	"net"
	"net/url"
	"strconv"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// beginPostgres connects and opens the read-only transaction every query
// runs in. The session is read-only by default too, and has the statement
// timeout, so nothing escapes either bound. close ends both.
func beginPostgres(ctx context.Context, dsn string, opts Options) (tx pgx.Tx, close func(), err error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, nil, failure(dsn, ErrBadDSN, err)
	}
	target := postgresTarget(dsn, cfg)
	if !opts.AllowCleartextPassword {
		if cfg.RequireAuth, err = refusePassword(cfg.RequireAuth); err != nil {
			return nil, nil, &Error{Target: target, Kind: ErrBadDSN, Detail: err.Error()}
		}
	}
	cfg.ConnectTimeout = opts.ConnectTimeout
	cfg.RuntimeParams["default_transaction_read_only"] = "on"
	cfg.RuntimeParams["statement_timeout"] = strconv.FormatInt(opts.QueryTimeout.Milliseconds(), 10)
	if cfg.RuntimeParams["application_name"] == "" {
		cfg.RuntimeParams["application_name"] = "getorcreatelint"
	}
	cctx, cancel := context.WithTimeout(ctx, opts.ConnectTimeout)
	defer cancel()
	conn, err := pgx.ConnectConfig(cctx, cfg)
	if err != nil {
		return nil, nil, failureAt(target, dsn, classifyPostgres(err), err)
	}
	tx, err = conn.BeginTx(cctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		conn.Close(context.Background())
		return nil, nil, failureAt(target, dsn, classifyPostgres(err), err)
	}
	return tx, func() {
		ctx, cancel := context.WithTimeout(context.Background(), opts.QueryTimeout)
		defer cancel()
		_ = tx.Rollback(ctx)
		_ = conn.Close(ctx)
	}, nil
}

// postgresTarget names the database pgx parsed out of dsn: the user, host,
// port and database it really uses, never the password. A password with
// a raw '@' or '#' makes pgx read part of it as the host; the target then
// shows that host, which is what was contacted.
func postgresTarget(dsn string, cfg *pgx.ConnConfig) string {
	scheme := "postgres"
	if s, _, ok := splitScheme(dsn); ok {
		scheme = s
	}
	out := scheme + "://"
	if cfg.User != "" {
		out += url.User(cfg.User).String() + "@"
	}
	if strings.HasPrefix(cfg.Host, "/") {
		out += "unix(" + cfg.Host + ")"
	} else {
		out += net.JoinHostPort(cfg.Host, strconv.Itoa(int(cfg.Port)))
	}
	return out + "/" + url.PathEscape(cfg.Database)
}

// refusePassword adds "password" (cleartext) to the authentication methods
// a require_auth list refuses, so that the client fails before sending
// the password to a server that asks for it in clear text. MD5 stays
// allowed: its answer is a salted hash, and it is the default of servers
// before PostgreSQL 14.
func refusePassword(requireAuth string) (string, error) {
	if strings.TrimSpace(requireAuth) == "" {
		return "!password", nil
	}
	var kept []string
	negated := false
	for i, part := range strings.Split(requireAuth, ",") {
		m := strings.TrimSpace(part)
		if i == 0 {
			negated = strings.HasPrefix(m, "!")
		}
		switch {
		case negated && m == "!password":
			return requireAuth, nil
		case !negated && m == "password":
			continue
		}
		kept = append(kept, m)
	}
	if negated {
		kept = append(kept, "!password")
	}
	if len(kept) == 0 {
		return "", errors.New("require_auth allows only cleartext password authentication, which is refused unless explicitly allowed")
	}
	return strings.Join(kept, ","), nil
}

// classifyPostgres maps a pgx error to one of the Err* causes.
func classifyPostgres(err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "28P01", "28000": // invalid_password, invalid_authorization_specification
			return ErrAuth
		case "3D000": // invalid_catalog_name
			return ErrUnknownDatabase
		case "42501": // insufficient_privilege
			return ErrPermission
		case "57014": // query_canceled: statement_timeout
			return ErrTimeout
		}
		if strings.HasPrefix(pgErr.Code, "08") || strings.HasPrefix(pgErr.Code, "53") || strings.HasPrefix(pgErr.Code, "57") {
			return ErrConnect
		}
		return ErrQuery
	}
	if strings.Contains(err.Error(), "require_auth check failed") {
		// The server asked for a method refused before any credential was sent.
		return ErrAuth
	}
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return ErrTimeout
	}
	if errors.Is(err, syscall.ECONNREFUSED) || errors.As(err, &netErr) || pgconn.SafeToRetry(err) {
		return ErrConnect
	}
	var connErr *pgconn.ConnectError
	if errors.As(err, &connErr) {
		return ErrConnect
	}
	return ErrQuery
}

func introspectPostgres(ctx context.Context, dsn string, opts Options) (*schema.Catalog, error) {
	tx, closeTx, err := beginPostgres(ctx, dsn, opts)
	if err != nil {
		return nil, err
	}
	defer closeTx()
	r := pgReader{tx: tx, dsn: dsn, opts: opts, cat: schema.NewCatalog(), src: sourceOf(dsn)}
	if err := r.read(ctx); err != nil {
		return nil, err
	}
	return r.cat, nil
}

type pgReader struct {
	tx   pgx.Tx
	dsn  string
	opts Options
	cat  *schema.Catalog
	src  schema.Source
}

// pgUserSchemas excludes the system schemas from every query.
const pgUserSchemas = `n.nspname NOT IN ('pg_catalog', 'information_schema')
	AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'`

func (r *pgReader) read(ctx context.Context) error {
	var version int
	if err := r.queryRow(ctx, `SELECT current_setting('server_version_num')::int`, &version); err != nil {
		return err
	}
	if err := r.readColumns(ctx); err != nil {
		return err
	}
	return r.readKeys(ctx, version)
}

func (r *pgReader) queryRow(ctx context.Context, sql string, dest ...any) error {
	qctx, cancel := context.WithTimeout(ctx, r.opts.QueryTimeout)
	defer cancel()
	if err := r.tx.QueryRow(qctx, sql).Scan(dest...); err != nil {
		return failure(r.dsn, classifyPostgres(err), err)
	}
	return nil
}

// pgTableName is the catalog name of a table: public tables unqualified.
func pgTableName(nsp, rel string) string {
	if nsp == "public" {
		return rel
	}
	return nsp + "." + rel
}

// readColumns adds every ordinary and partitioned table with its columns.
func (r *pgReader) readColumns(ctx context.Context) error {
	qctx, cancel := context.WithTimeout(ctx, r.opts.QueryTimeout)
	defer cancel()
	rows, err := r.tx.Query(qctx, `
SELECT n.nspname, c.relname, a.attname, a.attnotnull
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p') AND `+pgUserSchemas+`
ORDER BY n.nspname, c.relname, a.attnum`)
	if err != nil {
		return failure(r.dsn, classifyPostgres(err), err)
	}
	defer rows.Close()
	for rows.Next() {
		var nsp, rel string
		var col *string
		var notNull *bool
		if err := rows.Scan(&nsp, &rel, &col, &notNull); err != nil {
			return failure(r.dsn, ErrQuery, err)
		}
		t := r.cat.Ensure(pgTableName(nsp, rel))
		t.Source = r.src
		if col != nil {
			name := strings.ToLower(*col)
			t.Columns[name] = &schema.Column{Name: name, NotNull: notNull != nil && *notNull}
		}
	}
	if err := rows.Err(); err != nil {
		return failure(r.dsn, classifyPostgres(err), err)
	}
	return nil
}

// readKeys adds the unique btree indexes, one row per key item: primary
// keys and unique constraints are backed by such an index too. INCLUDE
// columns (past indnkeyatts) are not part of the key.
func (r *pgReader) readKeys(ctx context.Context, version int) error {
	nullsNotDistinct := "false"
	if version >= 150000 {
		nullsNotDistinct = "ix.indnullsnotdistinct"
	}
	keyAtts := "ix.indnatts"
	if version >= 110000 {
		keyAtts = "ix.indnkeyatts"
	}
	qctx, cancel := context.WithTimeout(ctx, r.opts.QueryTimeout)
	defer cancel()
	rows, err := r.tx.Query(qctx, `
SELECT n.nspname, t.relname, i.relname, ix.indisprimary, ix.indisvalid,
       COALESCE(con.contype::text, ''), `+nullsNotDistinct+`,
       COALESCE(pg_get_expr(ix.indpred, ix.indrelid, true), ''),
       k.ord::int, k.attnum::int, COALESCE(a.attname::text, ''),
       COALESCE(pg_get_indexdef(ix.indexrelid, k.ord::int, true), '')
FROM pg_index ix
JOIN pg_class i ON i.oid = ix.indexrelid
JOIN pg_class t ON t.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_am am ON am.oid = i.relam
LEFT JOIN pg_constraint con ON con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid AND con.contype IN ('p', 'u')
CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum AND k.attnum > 0
WHERE ix.indisunique AND am.amname = 'btree' AND t.relkind IN ('r', 'p')
  AND k.ord <= `+keyAtts+` AND `+pgUserSchemas+`
ORDER BY n.nspname, t.relname, i.relname, k.ord`)
	if err != nil {
		return failure(r.dsn, classifyPostgres(err), err)
	}
	defer rows.Close()
	keys := map[string][]*schema.Key{}
	var cur *schema.Key
	var curID string
	for rows.Next() {
		var nsp, rel, index, contype, pred, attname, itemdef string
		var primary, valid, nnd bool
		var ord, attnum int
		if err := rows.Scan(&nsp, &rel, &index, &primary, &valid, &contype, &nnd, &pred, &ord, &attnum, &attname, &itemdef); err != nil {
			return failure(r.dsn, ErrQuery, err)
		}
		if !valid {
			// A failed CREATE INDEX CONCURRENTLY leaves an invalid index that
			// the planner ignores and that need not hold.
			if ord == 1 {
				r.cat.Warnings = append(r.cat.Warnings, schema.Warning{Source: r.src,
					Message: "skipped invalid index " + pgTableName(nsp, index)})
			}
			continue
		}
		if id := nsp + "\x00" + index; id != curID {
			curID = id
			kind := schema.UniqueIndex
			switch {
			case primary || contype == "p":
				kind = schema.PrimaryKey
			case contype == "u":
				kind = schema.UniqueConstraint
			}
			cur = &schema.Key{Name: strings.ToLower(index), Kind: kind, NullsNotDistinct: nnd, Source: r.src}
			if pred != "" {
				cur.Where = sqlscan.Normalize(pred, sqlscan.Postgres)
			}
			table := pgTableName(nsp, rel)
			keys[table] = append(keys[table], cur)
		}
		if attnum != 0 {
			cur.Parts = append(cur.Parts, schema.KeyPart{Column: strings.ToLower(attname)})
		} else {
			cur.Parts = append(cur.Parts, schema.KeyPart{Expr: sqlscan.Normalize(itemdef, sqlscan.Postgres)})
		}
	}
	if err := rows.Err(); err != nil {
		return failure(r.dsn, classifyPostgres(err), err)
	}
	for table, ks := range keys {
		t := r.cat.Ensure(table)
		t.Source = r.src
		for _, k := range dedupeKeys(ks) {
			t.AddKey(k)
		}
	}
	return nil
}
