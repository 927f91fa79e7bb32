package verdict

import (
	"go/token"
	"path/filepath"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
)

// Unbacked is what the verdict knows about one reported lookup that no
// unique key backs, for the features that act on it outside the message:
// the index that would back it, and the migration directory that
// describes its table.
type Unbacked struct {
	Pos   token.Pos
	Index site.IndexSpec
	// Dir is the migration directory (or schema file) the table's CREATE
	// TABLE was read from; nil when no migration describes the table.
	Dir  *migrations.Dir
	Root string // the module root Dir.Path is relative to
	// Live is set when the live database (-dsn) has the table.
	Live bool
}

// unbacked describes a reported finding, or returns false when nothing
// listens (Config.Unbacked is nil).
func (v *Verdict) unbacked(s *site.Site, fix site.Fix) (Unbacked, bool) {
	if v.cfg.Unbacked == nil {
		return Unbacked{}, false
	}
	u := Unbacked{Pos: s.Node.Pos(), Index: fix.Index}
	if m := v.src.Module(); m != nil {
		u.Root = m.Root
		u.Dir = v.dirOf(m, s.Table)
		u.Live = m.Live.Table(s.Table) != nil
	}
	return u, true
}

// dirOf returns the migration directory holding the file a catalog read
// the table's CREATE TABLE from.
func (v *Verdict) dirOf(m *sources.Module, table string) *migrations.Dir {
	for _, cat := range m.Catalogs {
		if t := cat.Table(table); t != nil {
			if d := dirHolding(m.Root, m.Dirs, t.Source.File); d != nil {
				return d
			}
		}
	}
	return nil
}

// dirHolding returns the directory among dirs (relative to root, or
// absolute) that is file or contains it.
func dirHolding(root string, dirs []migrations.Dir, file string) *migrations.Dir {
	if file == "" {
		return nil
	}
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return filepath.Clean(p)
		}
		return filepath.Join(root, p)
	}
	f := abs(file)
	for i := range dirs {
		d := abs(dirs[i].Path)
		if f == d || strings.HasPrefix(f, d+string(filepath.Separator)) {
			return &dirs[i]
		}
	}
	return nil
}
