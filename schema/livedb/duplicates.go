package livedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// DuplicateLookup is an unbacked lookup to check for rows that already
// share its columns: the rows a unique index on Columns (with the partial
// predicate Where) would have to hold once each.
type DuplicateLookup struct {
	Table   string   // "tags", or "schema.tags" on PostgreSQL
	Columns []string // plain column names
	Where   []Condition
	// NullsNotDistinct counts groups whose columns hold NULL, as a
	// PostgreSQL NULLS NOT DISTINCT index would; otherwise rows with a NULL
	// in Columns never conflict and are left out.
	NullsNotDistinct bool
}

// DuplicateOptions tune FindDuplicates. The zero value is ready to use.
type DuplicateOptions struct {
	Options // the connection: dialect, connect timeout, query timeout
	// CountTimeout bounds each count on the server (statement_timeout,
	// max_execution_time or max_statement_time) and, for SQLite, by
	// interrupting it; Options.QueryTimeout if 0.
	CountTimeout time.Duration
	// Limit is how many groups are counted at most; beyond it the answer
	// is "at least Limit". DefaultDuplicateLimit if 0.
	Limit int
}

// DefaultDuplicateLimit is how many duplicate groups are counted at most.
const DefaultDuplicateLimit = 1000

// CountState says whether a count has an answer.
type CountState uint8

const (
	Counted     CountState = iota // Groups, AtLeast and Example hold the answer
	NotCounted                    // the count ran out of time; nothing is known
	CountFailed                   // the query failed (Err), e.g. the table is not in this database
)

func (s CountState) String() string {
	switch s {
	case Counted:
		return "counted"
	case NotCounted:
		return "not counted"
	}
	return "failed"
}

// Duplicates is the answer for one lookup.
type Duplicates struct {
	Lookup  DuplicateLookup
	State   CountState
	Groups  int  // groups of rows sharing the columns, at most the limit
	AtLeast bool // there are more groups than Groups
	Example DuplicateGroup
	Query   string        // the SQL that lists every group, largest first
	Elapsed time.Duration // how long the count took
	Err     error         // why a count failed: an *Error
}

// DuplicateGroup is one group: the shared values, as SQL literals for
// messages, and how many rows hold them.
type DuplicateGroup struct {
	Values []string
	Rows   int64
}

// clientGrace lets the server's statement timeout fire before the
// client's, so the connection survives a timed-out count.
const clientGrace = 2 * time.Second

// FindDuplicates connects to dsn read-only and, for each lookup in turn,
// counts the groups of rows that already share its columns (within its
// predicate): the groups a new unique index would reject. Each count runs
// inside the same READ ONLY transaction with its own server-side timeout;
// one that runs out of time is NotCounted, one that fails is CountFailed,
// and the others still run. Values are bound as parameters, identifiers
// quoted for the dialect; nothing but SELECT, SET, SAVEPOINT and ROLLBACK
// is sent. The error is for the connection only (an *Error, see
// Introspect), or the context's.
func FindDuplicates(ctx context.Context, dsn string, lookups []DuplicateLookup, opts DuplicateOptions) ([]Duplicates, error) {
	d := opts.Dialect
	if d == sqlscan.Generic {
		var err error
		if d, err = DialectOf(dsn); err != nil {
			return nil, err
		}
	}
	opts.Options = opts.Options.withDefaults()
	if opts.CountTimeout <= 0 {
		opts.CountTimeout = opts.QueryTimeout
	}
	if opts.Limit <= 0 {
		opts.Limit = DefaultDuplicateLimit
	}
	var c counter
	var closeTx func()
	var err error
	switch d {
	case sqlscan.Postgres:
		c, closeTx, err = pgCounter(ctx, dsn, opts)
	case sqlscan.MySQL:
		c, closeTx, err = myCounter(ctx, dsn, opts)
	case sqlscan.SQLite:
		c, closeTx, err = liteCounter(ctx, dsn, opts)
	default:
		return nil, &Error{Target: Redact(dsn), Kind: ErrBadDSN, Detail: "unsupported dialect " + d.String()}
	}
	if err != nil {
		return nil, err
	}
	defer closeTx()
	out := make([]Duplicates, 0, len(lookups))
	for _, l := range lookups {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		out = append(out, countOne(ctx, dsn, d, c, l, opts))
	}
	return out, nil
}

// counter runs one count and returns its rows: the values of the columns,
// then the group's row count.
type counter struct {
	run func(ctx context.Context, text string, args []any) ([][]any, error)
	// lookup, when set, counts without SQL (see liteCounter); its context
	// carries the count's timeout.
	lookup  func(ctx context.Context, l DuplicateLookup, limit int) ([][]any, error)
	timeout func(err error) bool
	failure func(err error) *Error
}

func countOne(ctx context.Context, dsn string, d sqlscan.Dialect, c counter, l DuplicateLookup, opts DuplicateOptions) Duplicates {
	res := Duplicates{Lookup: l}
	res.Query, _ = duplicateSQL(l, d, true, 0, "")
	res.Query += ";"
	if err := l.check(); err != nil {
		res.State, res.Err = CountFailed, &Error{Target: Redact(dsn), Kind: ErrQuery, Detail: err.Error()}
		return res
	}
	start := time.Now()
	var rows [][]any
	var err error
	if c.lookup != nil {
		lctx, cancel := context.WithTimeout(ctx, opts.CountTimeout)
		rows, err = c.lookup(lctx, l, opts.Limit+1)
		cancel()
	} else {
		text, args := duplicateSQL(l, d, false, opts.Limit+1, "")
		rows, err = c.run(ctx, text, args)
	}
	res.Elapsed = time.Since(start)
	switch {
	case err != nil && (c.timeout(err) || errors.Is(err, context.DeadlineExceeded)) && ctx.Err() == nil:
		res.State = NotCounted
		return res
	case err != nil:
		res.State, res.Err = CountFailed, c.failure(err)
		return res
	}
	res.Groups = min(len(rows), opts.Limit)
	res.AtLeast = len(rows) > opts.Limit
	if len(rows) > 0 {
		first := rows[0]
		for _, v := range first[:len(first)-1] {
			res.Example.Values = append(res.Example.Values, showValue(v))
		}
		res.Example.Rows = toInt64(first[len(first)-1])
	}
	return res
}

func (l DuplicateLookup) check() error {
	if l.Table == "" || len(l.Columns) == 0 {
		return errors.New("a duplicate lookup needs a table and columns")
	}
	for _, c := range l.Columns {
		if c == "" {
			return errors.New("empty column name")
		}
	}
	for _, c := range l.Where {
		if c.Column == "" || (!c.IsNull && !c.Equals.valid()) {
			return fmt.Errorf("condition on %q has no value", c.Column)
		}
	}
	return nil
}

func toInt64(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case int32:
		return int64(x)
	case int:
		return int64(x)
	case uint64:
		return int64(x)
	case []byte:
		n, _ := strconv.ParseInt(string(x), 10, 64)
		return n
	}
	return 0
}

// pgCounter counts inside the read-only transaction, each count under a
// savepoint with SET LOCAL statement_timeout, rolled back afterwards so
// that a timed-out count leaves the transaction usable.
func pgCounter(ctx context.Context, dsn string, opts DuplicateOptions) (counter, func(), error) {
	tx, closeTx, err := beginPostgres(ctx, dsn, opts.Options)
	if err != nil {
		return counter{}, nil, err
	}
	limit := "SET LOCAL statement_timeout = " + strconv.FormatInt(max(opts.CountTimeout.Milliseconds(), 1), 10)
	run := func(ctx context.Context, text string, args []any) ([][]any, error) {
		qctx, cancel := context.WithTimeout(ctx, opts.CountTimeout+clientGrace)
		defer cancel()
		if _, err := tx.Exec(qctx, "SAVEPOINT getorcreatelint_count"); err != nil {
			return nil, err
		}
		defer func() {
			rctx, cancel := context.WithTimeout(context.Background(), opts.QueryTimeout)
			defer cancel()
			_, _ = tx.Exec(rctx, "ROLLBACK TO SAVEPOINT getorcreatelint_count")
		}()
		if _, err := tx.Exec(qctx, limit); err != nil {
			return nil, err
		}
		rows, err := tx.Query(qctx, text, args...)
		if err != nil {
			return nil, err
		}
		return pgx.CollectRows(rows, func(r pgx.CollectableRow) ([]any, error) { return r.Values() })
	}
	return counter{
		run:     run,
		timeout: func(err error) bool { return classifyPostgres(err) == ErrTimeout },
		failure: func(err error) *Error { return failure(dsn, classifyPostgres(err), err) },
	}, closeTx, nil
}

// myCounter sets the server's own statement timeout for the session
// before each count: MariaDB's max_statement_time, MySQL's
// max_execution_time (which bounds read-only SELECTs, such as these).
func myCounter(ctx context.Context, dsn string, opts DuplicateOptions) (counter, func(), error) {
	tx, closeTx, err := beginMySQL(ctx, dsn, opts.Options)
	if err != nil {
		return counter{}, nil, err
	}
	var version string
	if err := tx.QueryRowContext(ctx, "SELECT VERSION()").Scan(&version); err != nil {
		closeTx()
		return counter{}, nil, failure(dsn, classifyMySQL(err), err)
	}
	limit := "SET SESSION max_execution_time = " + strconv.FormatInt(max(opts.CountTimeout.Milliseconds(), 1), 10)
	if strings.Contains(strings.ToLower(version), "mariadb") {
		limit = "SET SESSION max_statement_time = " + strconv.FormatFloat(max(opts.CountTimeout.Seconds(), 0.001), 'f', -1, 64)
	}
	run := func(ctx context.Context, text string, args []any) ([][]any, error) {
		qctx, cancel := context.WithTimeout(ctx, opts.CountTimeout+clientGrace)
		defer cancel()
		if _, err := tx.ExecContext(qctx, limit); err != nil && !isUnknownVariable(err) {
			return nil, err
		}
		return collectSQL(tx.QueryContext(qctx, text, args...))
	}
	return counter{
		run:     run,
		timeout: func(err error) bool { return classifyMySQL(err) == ErrTimeout },
		failure: func(err error) *Error { return failure(dsn, classifyMySQL(err), err) },
	}, closeTx, nil
}

// collectSQL reads every row of a database/sql result as values.
func collectSQL(rows *sql.Rows, err error) ([][]any, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		out = append(out, vals)
	}
	return out, rows.Err()
}

// Message says what the count found, in the linter's words:
//
//	tags already holds 37 groups of duplicate (name), e.g. name='go' (3 rows): CREATE UNIQUE INDEX will fail until they are merged
func (r Duplicates) Message() string {
	l := r.Lookup
	what := fmt.Sprintf("(%s)", strings.Join(l.Columns, ", "))
	if len(l.Where) > 0 {
		var conds []string
		for _, c := range l.Where {
			if c.IsNull {
				conds = append(conds, c.Column+" IS NULL")
			} else {
				conds = append(conds, c.Column+" = "+c.Equals.SQL())
			}
		}
		what += " among rows where " + strings.Join(conds, " AND ")
	}
	switch r.State {
	case NotCounted:
		return fmt.Sprintf("%s: duplicates of %s not counted: the count ran out of time", l.Table, what)
	case CountFailed:
		return fmt.Sprintf("%s: duplicates of %s not counted: %v", l.Table, what, r.Err)
	}
	if r.Groups == 0 {
		return fmt.Sprintf("%s holds no duplicate %s", l.Table, what)
	}
	groups := fmt.Sprintf("%d groups", r.Groups)
	if r.Groups == 1 {
		groups = "1 group"
	}
	if r.AtLeast {
		groups = "at least " + groups
	}
	var eg []string
	for i, v := range r.Example.Values {
		if i < len(l.Columns) {
			eg = append(eg, l.Columns[i]+"="+v)
		}
	}
	return fmt.Sprintf("%s already holds %s of duplicate %s, e.g. %s (%d rows): CREATE UNIQUE INDEX will fail until they are merged",
		l.Table, groups, what, strings.Join(eg, ", "), r.Example.Rows)
}
