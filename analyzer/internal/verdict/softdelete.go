package verdict

import (
	"fmt"
	"slices"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// checkSoftDeleteConflict reports a backed lookup on a soft-deleted model
// whose backing key also holds soft-deleted rows: the lookup cannot see a
// deleted row, so the insert that follows it hits the key and fails with a
// duplicate-key error every time, for as long as the deleted row exists.
// Keys that name the soft-delete column (in their parts or their partial
// predicate) and primary keys are left alone.
func (v *Verdict) checkSoftDeleteConflict(s *site.Site, k *schema.Key) {
	col := s.LiveOnly
	if col == "" || k == nil || k.Kind == schema.PrimaryKey || keyMentions(k, col) {
		return
	}
	var shown []schema.Term
	for _, t := range s.KeyTerms() {
		if t.Column != col {
			shown = append(shown, t)
		}
	}
	cols := strings.Join(site.TermList(shown, false), ", ")
	lookup := fmt.Sprintf("%s on %s looks up (%s)", s.What, s.Table, cols)
	if s.Chain {
		lookup = fmt.Sprintf("%s: (%s) is looked up", s.What, cols)
	}
	v.reportSite(s, CategorySoftDeleteConflict, fmt.Sprintf(
		"%s among rows that are not soft-deleted, but %s %s also holds soft-deleted rows: "+
			"once a row is soft-deleted, creating it again fails with a duplicate-key error; %s",
		lookup, k.Kind, k.Describe(), v.softDeleteFix(s, k)), site.Fix{})
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

func (v *Verdict) softDeleteFix(s *site.Site, k *schema.Key) string {
	cols := k.Columns()
	if v.src.Dialect() == sqlscan.MySQL || s.SoftDelete == "" {
		// No partial indexes (MySQL), or a soft-delete column that holds 0
		// on live rows: put the column in the key.
		return fmt.Sprintf("add %s to the key (with gorm.io/plugin/soft_delete, live rows hold 0 and deleted ones differ)", s.LiveOnly)
	}
	return fmt.Sprintf("make the index partial: %s", site.IndexSpec{
		Table: s.Table, Key: termsOf(cols), Where: []string{s.SoftDelete + " IS NULL"}, Dialect: v.src.Dialect(),
	}.DDL())
}

func termsOf(cols []string) []schema.Term {
	terms := make([]schema.Term, len(cols))
	for i, c := range cols {
		terms[i] = schema.Term{Column: c}
	}
	return terms
}
