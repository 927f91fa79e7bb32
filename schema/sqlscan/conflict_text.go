package sqlscan

import "strings"

// Clause renders the conflict clause for messages: ON CONFLICT, the target
// or the constraint, " WHERE "+where when where is not "", and the action.
func (c Conflict) Clause(where string) string {
	s := "ON CONFLICT"
	switch {
	case c.Constraint != "":
		s += " ON CONSTRAINT " + c.Constraint
	case len(c.Target) > 0:
		s += " (" + strings.Join(c.Target, ", ") + ")"
	}
	if where != "" {
		s += " WHERE " + where
	}
	if c.DoNothing {
		return s + " DO NOTHING"
	}
	return s + " DO UPDATE"
}

// UpsertText names q's conflict handling for messages: its kind, or each
// ON CONFLICT clause without its predicate.
func (q Query) UpsertText() string {
	if q.Upsert != OnConflict {
		return q.Upsert.String()
	}
	parts := make([]string, len(q.Conflicts))
	for i, c := range q.Conflicts {
		parts[i] = c.Clause("")
	}
	return strings.Join(parts, " ")
}
