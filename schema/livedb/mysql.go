package livedb

import (
	"context"
	"database/sql"
	"errors"
	"net"
	"strconv"
	"strings"
	"syscall"

	"github.com/go-sql-driver/mysql"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// beginMySQL connects and opens a read-only transaction on one connection,
// after setting the server's statement timeout for the session (MariaDB's
// max_statement_time or MySQL's max_execution_time).
func beginMySQL(ctx context.Context, dsn string, opts Options) (tx *sql.Tx, close func(), err error) {
	cfg, err := mysqlConfig(dsn, opts)
	if err != nil {
		return nil, nil, err
	}
	target := mysqlTarget(cfg)
	connector, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, nil, failureAt(target, dsn, ErrBadDSN, err)
	}
	db := sql.OpenDB(connector)
	db.SetMaxOpenConns(1)
	fail := func(err error) (*sql.Tx, func(), error) {
		db.Close()
		return nil, nil, failureAt(target, dsn, classifyMySQL(err), err)
	}
	cctx, cancel := context.WithTimeout(ctx, opts.ConnectTimeout)
	defer cancel()
	conn, err := db.Conn(cctx)
	if err != nil {
		return fail(err)
	}
	var version string
	if err := conn.QueryRowContext(cctx, "SELECT VERSION()").Scan(&version); err != nil {
		conn.Close()
		return fail(err)
	}
	setTimeout := "SET SESSION max_execution_time = " + strconv.FormatInt(opts.QueryTimeout.Milliseconds(), 10)
	if strings.Contains(strings.ToLower(version), "mariadb") {
		setTimeout = "SET SESSION max_statement_time = " + strconv.FormatFloat(opts.QueryTimeout.Seconds(), 'f', -1, 64)
	}
	if _, err := conn.ExecContext(cctx, setTimeout); err != nil && !isUnknownVariable(err) {
		conn.Close()
		return fail(err)
	}
	// database/sql rolls the transaction back when its context ends, so
	// it gets the caller's context, not the connect timeout.
	tx, err = conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		conn.Close()
		return fail(err)
	}
	return tx, func() {
		_ = tx.Rollback()
		_ = conn.Close()
		_ = db.Close()
	}, nil
}

// isUnknownVariable: an old server without a statement timeout variable;
// the driver's read timeout still bounds every query.
func isUnknownVariable(err error) bool {
	var myErr *mysql.MySQLError
	return errors.As(err, &myErr) && myErr.Number == 1193
}

// classifyMySQL maps a driver error to one of the Err* causes.
func classifyMySQL(err error) error {
	var myErr *mysql.MySQLError
	if errors.As(err, &myErr) {
		switch myErr.Number {
		case 1045, 1698: // access denied (using password), plugin auth refused
			return ErrAuth
		case 1044, 1142, 1143, 1227: // access denied to database, table, column, operation
			return ErrPermission
		case 1049: // unknown database
			return ErrUnknownDatabase
		case 1969, 3024: // MariaDB, MySQL statement timeout
			return ErrTimeout
		case 1040, 1129, 1130, 1203: // too many connections, host blocked or not allowed
			return ErrConnect
		}
		return ErrQuery
	}
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return ErrTimeout
	}
	if errors.Is(err, syscall.ECONNREFUSED) || errors.As(err, &netErr) || errors.Is(err, mysql.ErrInvalidConn) {
		return ErrConnect
	}
	return ErrQuery
}

func introspectMySQL(ctx context.Context, dsn string, opts Options) (*schema.Catalog, error) {
	tx, closeTx, err := beginMySQL(ctx, dsn, opts)
	if err != nil {
		return nil, err
	}
	defer closeTx()
	r := myReader{tx: tx, dsn: dsn, opts: opts, cat: schema.NewCatalog(), src: sourceOf(dsn)}
	if err := r.readColumns(ctx); err != nil {
		return nil, err
	}
	if err := r.readKeys(ctx); err != nil {
		return nil, err
	}
	return r.cat, nil
}

type myReader struct {
	tx   *sql.Tx
	dsn  string
	opts Options
	cat  *schema.Catalog
	src  schema.Source
}

func (r *myReader) query(ctx context.Context, q string, each func(*sql.Rows) error) error {
	qctx, cancel := context.WithTimeout(ctx, r.opts.QueryTimeout)
	defer cancel()
	rows, err := r.tx.QueryContext(qctx, q)
	if err != nil {
		return failure(r.dsn, classifyMySQL(err), err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows); err != nil {
			return failure(r.dsn, ErrQuery, err)
		}
	}
	if err := rows.Err(); err != nil {
		return failure(r.dsn, classifyMySQL(err), err)
	}
	return nil
}

// readColumns adds the base tables of the current database and their
// columns.
func (r *myReader) readColumns(ctx context.Context) error {
	return r.query(ctx, `
SELECT c.TABLE_NAME, c.COLUMN_NAME, c.IS_NULLABLE
FROM information_schema.COLUMNS c
JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`, func(rows *sql.Rows) error {
		var table, col, nullable string
		if err := rows.Scan(&table, &col, &nullable); err != nil {
			return err
		}
		t := r.cat.Ensure(table)
		t.Source = r.src
		name := strings.ToLower(col)
		t.Columns[name] = &schema.Column{Name: name, NotNull: nullable == "NO"}
		return nil
	})
}

// readKeys adds every unique index (NON_UNIQUE = 0) of the current
// database; a prefix index col(191) keeps its SUB_PART, and MySQL 8's
// functional key parts their EXPRESSION when the server has that column.
func (r *myReader) readKeys(ctx context.Context) error {
	var hasExpr int
	qctx, cancel := context.WithTimeout(ctx, r.opts.QueryTimeout)
	err := r.tx.QueryRowContext(qctx, `
SELECT COUNT(*) FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = 'information_schema' AND TABLE_NAME = 'STATISTICS' AND COLUMN_NAME = 'EXPRESSION'`).Scan(&hasExpr)
	cancel()
	if err != nil {
		return failure(r.dsn, classifyMySQL(err), err)
	}
	expr := "NULL"
	if hasExpr > 0 {
		expr = "s.EXPRESSION"
	}
	keys := map[string][]*schema.Key{}
	var cur *schema.Key
	var curID string
	err = r.query(ctx, `
SELECT s.TABLE_NAME, s.INDEX_NAME, s.COLUMN_NAME, s.SUB_PART, `+expr+`
FROM information_schema.STATISTICS s
WHERE s.TABLE_SCHEMA = DATABASE() AND s.NON_UNIQUE = 0
ORDER BY s.TABLE_NAME, s.INDEX_NAME, s.SEQ_IN_INDEX`, func(rows *sql.Rows) error {
		var table, index string
		var col, exprText sql.NullString
		var subPart sql.NullInt64
		if err := rows.Scan(&table, &index, &col, &subPart, &exprText); err != nil {
			return err
		}
		if id := table + "\x00" + index; id != curID {
			curID = id
			kind := schema.UniqueIndex
			name := strings.ToLower(index)
			if index == "PRIMARY" {
				kind, name = schema.PrimaryKey, ""
			}
			cur = &schema.Key{Name: name, Kind: kind, Source: r.src}
			keys[table] = append(keys[table], cur)
		}
		part := schema.KeyPart{PrefixLen: int(subPart.Int64)}
		if col.Valid && col.String != "" {
			part.Column = strings.ToLower(col.String)
		} else {
			part.Expr = sqlscan.Normalize(exprText.String, sqlscan.MySQL)
		}
		cur.Parts = append(cur.Parts, part)
		return nil
	})
	if err != nil {
		return err
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
