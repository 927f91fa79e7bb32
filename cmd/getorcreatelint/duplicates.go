package main

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
	"github.com/getorcreatelint/getorcreatelint/schema/livedb"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// defaultDuplicatesTimeout bounds each duplicates count on the server.
const defaultDuplicatesTimeout = 5 * time.Second

// duplicateCounter answers -dsn-duplicates: for each unbacked lookup it
// asks the live database, read-only and within a statement timeout, how
// many groups of rows already share the lookup's columns, the rows a new
// unique index would reject. A lookup is counted once per run, however
// many packages report it; only tables with a finding are asked about.
type duplicateCounter struct {
	dsn     string
	timeout time.Duration // per count, on the server

	mu   sync.Mutex
	done map[string]*countOnce
}

type countOnce struct {
	once sync.Once
	text string
}

func newDuplicateCounter(dsn string, timeout time.Duration) *duplicateCounter {
	if timeout <= 0 {
		timeout = defaultDuplicatesTimeout
	}
	return &duplicateCounter{dsn: dsn, timeout: timeout, done: map[string]*countOnce{}}
}

// evidence is the analyzer's Evidence hook: what the database holds that
// the index would reject, and the query that lists it; "" for a table the
// database does not have, and for a lookup the count cannot express
// (expression keys, constants that are not plain literals).
func (c *duplicateCounter) evidence(f analyzer.Finding) string {
	if !f.InLiveDatabase {
		return ""
	}
	lookup, ok := duplicateLookup(f)
	if !ok {
		return ""
	}
	key := lookupKey(lookup)
	c.mu.Lock()
	once := c.done[key]
	if once == nil {
		once = &countOnce{}
		c.done[key] = once
	}
	c.mu.Unlock()
	once.once.Do(func() { once.text = c.count(lookup) })
	return once.text
}

func (c *duplicateCounter) count(l livedb.DuplicateLookup) string {
	// The connection and the count each have their own bound; this one
	// only keeps a stuck network from holding the run.
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout+livedb.DefaultTimeout+5*time.Second)
	defer cancel()
	res, err := livedb.FindDuplicates(ctx, c.dsn, []livedb.DuplicateLookup{l},
		livedb.DuplicateOptions{CountTimeout: c.timeout, Limit: livedb.DefaultDuplicateLimit})
	switch {
	case err != nil:
		return l.Table + ": duplicates not counted: " + err.Error()
	case len(res) == 0:
		return l.Table + ": duplicates not counted"
	}
	r := res[0]
	if r.State == livedb.Counted && r.Groups > 0 {
		return r.Message() + "; list them with " + r.Query
	}
	return r.Message()
}

// duplicateLookup shapes the count after the index the finding proposes:
// its key columns, its partial predicate, and NULLs counted as equal where
// the index is NULLS NOT DISTINCT.
func duplicateLookup(f analyzer.Finding) (livedb.DuplicateLookup, bool) {
	l := livedb.DuplicateLookup{Table: f.Table}
	for _, t := range f.Key {
		if t.Expr != "" {
			return l, false
		}
		l.Columns = append(l.Columns, t.Column)
		l.NullsNotDistinct = l.NullsNotDistinct || (f.Dialect == sqlscan.Postgres && (t.MayBeNull || t.IsNull))
	}
	if f.SoftDelete != "" && containsString(f.Where, f.SoftDelete+" IS NULL") {
		l.Where = append(l.Where, livedb.IsNull(f.SoftDelete))
	}
	for _, t := range f.Constants {
		v, ok := livedb.ParseLiteral(t.Value)
		if !ok || t.Expr != "" {
			return l, false
		}
		l.Where = append(l.Where, livedb.Equals(t.Column, v))
	}
	return l, len(l.Columns) > 0
}

func lookupKey(l livedb.DuplicateLookup) string {
	var b strings.Builder
	b.WriteString(l.Table + "\x00" + strings.Join(l.Columns, "\x00") + "\x00")
	for _, c := range l.Where {
		b.WriteString(c.Column)
		if c.IsNull {
			b.WriteString(" IS NULL")
		} else {
			b.WriteString("=" + c.Equals.SQL())
		}
		b.WriteByte(0)
	}
	if l.NullsNotDistinct {
		b.WriteString("nnd")
	}
	return b.String()
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
