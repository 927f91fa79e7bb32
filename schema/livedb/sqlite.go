package livedb

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"strings"

	"modernc.org/sqlite"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// beginSQLite opens the file read-only and starts a transaction on one
// connection; the context of each query interrupts it at the timeout.
func beginSQLite(ctx context.Context, dsn string, opts Options) (tx *sql.Tx, close func(), err error) {
	path, err := sqlitePath(dsn)
	if err != nil {
		return nil, nil, failure(dsn, ErrBadDSN, err)
	}
	if _, err := os.Stat(path); err != nil {
		kind := ErrConnect
		if errors.Is(err, fs.ErrPermission) {
			kind = ErrPermission
		}
		return nil, nil, failure(dsn, kind, err)
	}
	uri, err := sqliteOpenURI(path, opts)
	if err != nil {
		return nil, nil, failure(dsn, ErrBadDSN, err)
	}
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return nil, nil, failure(dsn, ErrBadDSN, err)
	}
	db.SetMaxOpenConns(1)
	cctx, cancel := context.WithTimeout(ctx, opts.ConnectTimeout)
	defer cancel()
	conn, err := db.Conn(cctx)
	if err != nil {
		db.Close()
		return nil, nil, failure(dsn, classifySQLite(err), err)
	}
	// database/sql rolls the transaction back when its context ends, so
	// it gets the caller's context, not the connect timeout.
	tx, err = conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		conn.Close()
		db.Close()
		return nil, nil, failure(dsn, classifySQLite(err), err)
	}
	return tx, func() {
		_ = tx.Rollback()
		_ = conn.Close()
		_ = db.Close()
	}, nil
}

// classifySQLite maps a driver error by its primary result code.
func classifySQLite(err error) error {
	var sqErr *sqlite.Error
	if errors.As(err, &sqErr) {
		switch sqErr.Code() & 0xff {
		case 3, 23: // SQLITE_PERM, SQLITE_AUTH
			return ErrPermission
		case 5, 6, 9: // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_INTERRUPT
			return ErrTimeout
		case 14, 26: // SQLITE_CANTOPEN, SQLITE_NOTADB
			return ErrConnect
		}
	}
	return ErrQuery
}

func introspectSQLite(ctx context.Context, dsn string, opts Options) (*schema.Catalog, error) {
	tx, closeTx, err := beginSQLite(ctx, dsn, opts)
	if err != nil {
		return nil, err
	}
	defer closeTx()
	r := liteReader{tx: tx, dsn: dsn, opts: opts, cat: schema.NewCatalog(), src: sourceOf(dsn)}
	if err := r.read(ctx); err != nil {
		return nil, err
	}
	return r.cat, nil
}

type liteReader struct {
	tx   *sql.Tx
	dsn  string
	opts Options
	cat  *schema.Catalog
	src  schema.Source
}

func (r *liteReader) query(ctx context.Context, q string, arg any, each func(*sql.Rows) error) error {
	qctx, cancel := context.WithTimeout(ctx, r.opts.QueryTimeout)
	defer cancel()
	var args []any
	if arg != nil {
		args = append(args, arg)
	}
	rows, err := r.tx.QueryContext(qctx, q, args...)
	if err != nil {
		return failure(r.dsn, classifySQLite(err), err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows); err != nil {
			return failure(r.dsn, ErrQuery, err)
		}
	}
	if err := rows.Err(); err != nil {
		return failure(r.dsn, classifySQLite(err), err)
	}
	return nil
}

type liteTable struct {
	name         string
	withoutRowid bool
}

func (r *liteReader) read(ctx context.Context) error {
	var tables []liteTable
	err := r.query(ctx, `
SELECT name, wr FROM pragma_table_list
WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY name`, nil, func(rows *sql.Rows) error {
		var t liteTable
		if err := rows.Scan(&t.name, &t.withoutRowid); err != nil {
			return err
		}
		tables = append(tables, t)
		return nil
	})
	if err != nil {
		return err
	}
	for _, lt := range tables {
		if err := r.readTable(ctx, lt); err != nil {
			return err
		}
	}
	return nil
}

// readTable adds one table: its columns, its primary key (from table_info,
// which also covers an INTEGER PRIMARY KEY that has no index) and its unique
// indexes.
func (r *liteReader) readTable(ctx context.Context, lt liteTable) error {
	t := r.cat.Ensure(lt.name)
	t.Source = r.src
	type pkCol struct {
		name, typ string
		pos       int
	}
	var pk []pkCol
	err := r.query(ctx, `SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid`, lt.name, func(rows *sql.Rows) error {
		var name, typ string
		var notNull bool
		var pos int
		if err := rows.Scan(&name, &typ, &notNull, &pos); err != nil {
			return err
		}
		name = strings.ToLower(name)
		t.Columns[name] = &schema.Column{Name: name, NotNull: notNull}
		if pos > 0 {
			pk = append(pk, pkCol{name, typ, pos})
		}
		return nil
	})
	if err != nil {
		return err
	}
	var keys []*schema.Key
	if len(pk) > 0 {
		k := &schema.Key{Kind: schema.PrimaryKey, Implicit: true, Source: r.src}
		k.Parts = make([]schema.KeyPart, len(pk))
		for _, c := range pk {
			k.Parts[c.pos-1] = schema.KeyPart{Column: c.name}
		}
		// SQLite lets a rowid table's primary key hold NULLs unless it is the
		// INTEGER PRIMARY KEY rowid alias.
		rowidAlias := len(pk) == 1 && strings.EqualFold(pk[0].typ, "integer")
		if lt.withoutRowid || rowidAlias {
			for _, c := range pk {
				t.Columns[c.name].NotNull = true
			}
		}
		keys = append(keys, k)
	}
	idx, err := r.uniqueIndexes(ctx, lt.name)
	if err != nil {
		return err
	}
	for _, k := range dedupeKeys(append(keys, idx...)) {
		t.AddKey(k)
	}
	return nil
}

// uniqueIndexes reads the unique indexes other than the primary key's:
// columns from index_info, expression items and the partial predicate from
// the CREATE INDEX text in sqlite_master.
func (r *liteReader) uniqueIndexes(ctx context.Context, table string) ([]*schema.Key, error) {
	type liteIndex struct {
		name, origin string
	}
	var list []liteIndex
	err := r.query(ctx, `SELECT name, origin FROM pragma_index_list(?) WHERE "unique" = 1 ORDER BY name`, table, func(rows *sql.Rows) error {
		var ix liteIndex
		if err := rows.Scan(&ix.name, &ix.origin); err != nil {
			return err
		}
		if ix.origin != "pk" {
			list = append(list, ix)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var keys []*schema.Key
	for _, ix := range list {
		k := &schema.Key{Name: strings.ToLower(ix.name), Kind: schema.UniqueIndex, Source: r.src}
		if ix.origin == "u" {
			k.Kind, k.Implicit = schema.UniqueConstraint, true
		}
		var createSQL sql.NullString
		err := r.query(ctx, `SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`, ix.name, func(rows *sql.Rows) error {
			return rows.Scan(&createSQL)
		})
		if err != nil {
			return nil, err
		}
		items, where := parseCreateIndex(createSQL.String)
		k.Where = where
		err = r.query(ctx, `SELECT seqno, cid, name FROM pragma_index_info(?) ORDER BY seqno`, ix.name, func(rows *sql.Rows) error {
			var seq, cid int
			var name sql.NullString
			if err := rows.Scan(&seq, &cid, &name); err != nil {
				return err
			}
			switch {
			case cid >= 0 && name.Valid:
				k.Parts = append(k.Parts, schema.KeyPart{Column: strings.ToLower(name.String)})
			case cid == -1:
				k.Parts = append(k.Parts, schema.KeyPart{Column: "rowid"})
			case seq < len(items):
				k.Parts = append(k.Parts, schema.KeyPart{Expr: items[seq]})
			default:
				return errors.New("cannot read expression item of index " + ix.name)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, nil
}

// parseCreateIndex returns the normalised items and WHERE predicate of a
// CREATE INDEX statement; ASC, DESC and COLLATE are not part of an item.
func parseCreateIndex(stmt string) (items []string, where string) {
	if stmt == "" {
		return nil, ""
	}
	toks := sqlscan.Lex(stmt, sqlscan.SQLite)
	if n := len(toks); n > 0 && toks[n-1].Kind == sqlscan.EOF {
		toks = toks[:n-1]
	}
	// The item list is the first parenthesis after ON <table>.
	open, seenOn := -1, false
	for i, t := range toks {
		if t.Is("on") {
			seenOn = true
		} else if seenOn && t.IsPunct("(") {
			open = i
			break
		}
	}
	if open < 0 {
		return nil, ""
	}
	depth, close := 0, len(toks)
	for i := open; i < len(toks); i++ {
		if toks[i].IsPunct("(") {
			depth++
		} else if toks[i].IsPunct(")") {
			depth--
			if depth == 0 {
				close = i
				break
			}
		}
	}
	for _, item := range sqlscan.SplitTopLevelPunct(toks[open+1:close], ",") {
		items = append(items, sqlscan.Render(sqlscan.NormalizeTokens(trimOrdering(item))))
	}
	if close+1 < len(toks) && toks[close+1].Is("where") {
		where = sqlscan.Render(sqlscan.NormalizeTokens(toks[close+2:]))
	}
	return items, where
}

// trimOrdering drops a trailing ASC/DESC and COLLATE name from an item.
func trimOrdering(item []sqlscan.Token) []sqlscan.Token {
	if n := len(item); n > 0 && (item[n-1].Is("asc") || item[n-1].Is("desc")) {
		item = item[:n-1]
	}
	if n := len(item); n >= 2 && item[n-2].Is("collate") {
		item = item[:n-2]
	}
	return item
}
