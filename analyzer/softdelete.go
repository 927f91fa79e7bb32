package analyzer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// checkSoftDeleteConflict reports a backed lookup on a soft-deleted model
// whose backing key also holds soft-deleted rows: the lookup cannot see a
// deleted row, so the insert that follows it hits the key and fails with a
// duplicate-key error every time, for as long as the deleted row exists.
// Keys that name the soft-delete column (in their parts or their partial
// predicate) and primary keys are left alone.
func (c *checker) checkSoftDeleteConflict(f finding, k *schema.Key) {
	col := f.liveOnly
	if col == "" || k == nil || k.Kind == schema.PrimaryKey || keyMentions(k, col) {
		return
	}
	var shown []schema.Term
	for _, t := range f.keyTerms() {
		if t.Column != col {
			shown = append(shown, t)
		}
	}
	c.report(f, CategorySoftDeleteConflict, fmt.Sprintf(
		"%s on %s looks up (%s) among rows that are not soft-deleted, but %s %s also holds soft-deleted rows: "+
			"once a row is soft-deleted, creating it again fails with a duplicate-key error; %s",
		f.what, f.table, strings.Join(termList(shown, false), ", "), k.Kind, k.Describe(), c.softDeleteFix(f, k)))
}

// keyMentions reports whether the key's parts or predicate read col.
func keyMentions(k *schema.Key, col string) bool {
	for _, p := range k.Parts {
		if p.Column == col {
			return true
		}
		if p.Expr != "" && slices.Contains(sqlscan.ExprColumns(sqlscan.ExprTokens(p.Expr)), col) {
			return true
		}
	}
	return k.Where != "" && slices.Contains(sqlscan.ExprColumns(sqlscan.ExprTokens(k.Where)), col)
}

func (c *checker) softDeleteFix(f finding, k *schema.Key) string {
	cols := k.Columns()
	if c.dialect() == sqlscan.MySQL || f.softDelete == "" {
		// No partial indexes (MySQL), or a soft-delete column that holds 0
		// on live rows: put the column in the key.
		return fmt.Sprintf("add %s to the key (with gorm.io/plugin/soft_delete, live rows hold 0 and deleted ones differ)", f.liveOnly)
	}
	return fmt.Sprintf("make the index partial: %s", indexSpec{
		table: f.table, key: termsOf(cols), where: []string{f.softDelete + " IS NULL"}, dialect: c.dialect(),
	}.ddl())
}

func termsOf(cols []string) []schema.Term {
	terms := make([]schema.Term, len(cols))
	for i, c := range cols {
		terms[i] = schema.Term{Column: c}
	}
	return terms
}
