package migwrite

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// File is one file a plan writes. Replace is set for a file that exists
// and is rewritten (atlas.sum); Old is then its content when planned, and
// Apply refuses to replace anything else.
type File struct {
	Path    string
	Content string
	Replace bool
	Old     string
}

// Options tune Plan. The zero value is ready to use.
type Options struct {
	Now func() time.Time // the clock timestamp versions come from; time.Now if nil
}

// Plan writes, without touching the disk, the migration that adds the
// indexes to the directory dir (a Dir from migrations.Discover; relative
// paths are taken from root), in the format, numbering and version style
// Detect finds there:
//
//   - the indexes of one table go into one migration, the tables in the
//     order given, each with the next version; a tool that sends a file
//     to the server as one multi-statement string (golang-migrate, dbmate)
//     gets one migration per index built CONCURRENTLY, since PostgreSQL
//     runs such a string in one transaction;
//   - CONCURRENTLY turns the tool's transaction off for the file: goose
//     NO TRANSACTION, dbmate transaction:false, sql-migrate notransaction,
//     atlas txmode none (golang-migrate and flyway run such a file outside
//     a transaction by themselves);
//   - the down side drops exactly the indexes added, in reverse order:
//     a .down.sql file, the tool's Down section, a flyway U<v>__ undo file
//     when the directory keeps undo files (else the DROP is left as a
//     comment), and none for atlas, which computes its own;
//   - with an atlas.sum, the plan rewrites it with the new file's hash,
//     after checking the current sum matches the directory.
//
// An index whose dialect is Generic takes dir.Dialect.
func Plan(root string, dir migrations.Dir, indexes []Index, opts Options) ([]File, error) {
	if len(indexes) == 0 {
		return nil, nil
	}
	path := dir.Path
	if !filepath.IsAbs(path) {
		path = filepath.Join(root, path)
	}
	if info, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("migwrite: %w", err)
	} else if !info.IsDir() {
		return nil, fmt.Errorf("migwrite: %s is a schema file, not a migrations directory", dir.Path)
	}
	layout, err := Detect(path)
	if err != nil {
		return nil, err
	}
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	indexes = append([]Index(nil), indexes...)
	for i := range indexes {
		if indexes[i].Dialect == sqlscan.Generic {
			indexes[i].Dialect = dir.Dialect
		}
		if err := indexes[i].check(); err != nil {
			return nil, err
		}
	}
	var files []File
	version := layout.Last
	for _, group := range migrationGroups(indexes, layout.Format) {
		version = version.Next(now())
		files = append(files, layout.render(version, group)...)
	}
	if layout.AtlasSum {
		sum, err := layout.atlasSumFile(files)
		if err != nil {
			return nil, err
		}
		files = append(files, sum)
	}
	return files, nil
}

// migrationGroups puts the indexes of one table together, keeping the
// order in which tables first appear.
func migrationGroups(indexes []Index, f Format) [][]Index {
	var groups [][]Index
	at := map[string]int{}
	oneString := f == GolangMigrate || f == Dbmate
	for _, x := range indexes {
		if oneString && x.concurrent() {
			groups = append(groups, []Index{x})
			continue
		}
		if i, ok := at[x.Table]; ok {
			groups[i] = append(groups[i], x)
			continue
		}
		at[x.Table] = len(groups)
		groups = append(groups, []Index{x})
	}
	return groups
}

var unsafeName = regexp.MustCompile(`[^a-z0-9]+`)

// migrationName describes a migration in its file name.
func migrationName(group []Index) string {
	if len(group) == 1 {
		return group[0].IndexName()
	}
	name := "unique_indexes_" + unsafeName.ReplaceAllString(strings.ToLower(group[0].Table), "_")
	return strings.Trim(name, "_")
}

// render writes the files of one migration.
func (l Layout) render(v Version, group []Index) []File {
	concurrent := false
	var up, down, why []string
	for i := range group {
		x := group[i]
		concurrent = concurrent || x.concurrent()
		why = append(why, fmt.Sprintf("-- Backs get-or-create on %s (%s): concurrent inserts of the same row now conflict instead of adding a duplicate.",
			x.Table, strings.Join(x.Columns(), ", ")))
		up = append(up, x.CreateSQL())
		down = append(down, group[len(group)-1-i].DropSQL())
	}
	header := strings.Join(why, "\n") + "\n"
	body := strings.Join(up, "\n") + "\n"
	undo := strings.Join(down, "\n") + "\n"
	base := v.String() + l.Sep + migrationName(group)
	at := func(name string) string { return filepath.Join(l.Dir, name) }
	switch l.Format {
	case GolangMigrate:
		return []File{
			{Path: at(base + ".up.sql"), Content: header + body},
			{Path: at(base + ".down.sql"), Content: undo},
		}
	case Goose:
		var b strings.Builder
		if concurrent {
			b.WriteString("-- +goose NO TRANSACTION\n")
		}
		b.WriteString("-- +goose Up\n" + header + body + "\n-- +goose Down\n" + undo)
		return []File{{Path: at(base + ".sql"), Content: b.String()}}
	case Dbmate:
		opt := ""
		if concurrent {
			opt = " transaction:false"
		}
		return []File{{Path: at(base + ".sql"),
			Content: "-- migrate:up" + opt + "\n" + header + body + "\n-- migrate:down" + opt + "\n" + undo}}
	case SQLMigrate:
		opt := ""
		if concurrent {
			opt = " notransaction"
		}
		return []File{{Path: at(base + ".sql"),
			Content: "-- +migrate Up" + opt + "\n" + header + body + "\n-- +migrate Down" + opt + "\n" + undo}}
	case Flyway:
		files := []File{{Path: at("V" + base + ".sql"), Content: header + body}}
		if l.FlywayUndo {
			files = append(files, File{Path: at("U" + base + ".sql"), Content: undo})
		} else {
			files[0].Content += "\n-- Undo (no undo migrations in this directory):\n" + commentOut(undo)
		}
		return files
	default: // Atlas: atlas migrate down plans the reverse itself
		content := header + body
		if concurrent {
			content = "-- atlas:txmode none\n\n" + content
		}
		return []File{{Path: at(base + ".sql"), Content: content}}
	}
}

func commentOut(sql string) string {
	lines := strings.Split(strings.TrimRight(sql, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "-- " + l
	}
	return strings.Join(lines, "\n") + "\n"
}

// atlasSumFile rewrites atlas.sum for the directory plus the new files,
// once the present sum is known to match the directory.
func (l Layout) atlasSumFile(added []File) (File, error) {
	sumPath := filepath.Join(l.Dir, "atlas.sum")
	old, err := os.ReadFile(sumPath)
	if err != nil {
		return File{}, fmt.Errorf("migwrite: %w", err)
	}
	files, err := atlasFiles(l.Dir)
	if err != nil {
		return File{}, fmt.Errorf("migwrite: %w", err)
	}
	if atlasSum(files) != string(old) {
		return File{}, fmt.Errorf("migwrite: %s does not match the migration files (run atlas migrate hash first); not adding to it", sumPath)
	}
	for _, f := range added {
		if filepath.Dir(f.Path) == l.Dir && strings.HasSuffix(f.Path, ".sql") {
			files[filepath.Base(f.Path)] = []byte(f.Content)
		}
	}
	return File{Path: sumPath, Content: atlasSum(files), Replace: true, Old: string(old)}, nil
}
