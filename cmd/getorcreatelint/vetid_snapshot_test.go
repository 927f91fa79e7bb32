package main

import (
	"path/filepath"
	"testing"
	"time"
)

// go vet sees a changed schema snapshot: the file named by schema-file is
// part of the tool ID, by content, not by name or time alone.
func TestVetToolIDCoversTheSchemaSnapshot(t *testing.T) {
	at := time.Now().Add(-time.Hour)
	app := t.TempDir()
	writeFile(t, filepath.Join(app, "go.mod"), "module example.com/app\n", at)
	writeFile(t, filepath.Join(app, ".getorcreatelint.yml"), "schema-file: schema.json\n", at)
	snapshot := filepath.Join(app, "schema.json")
	writeFile(t, snapshot, `{"version": 1, "tables": [{"table": "tags", "unique": []}]}`, at)

	id := toolID(t, app)
	// Same size, same modification time, another table.
	writeFile(t, snapshot, `{"version": 1, "tables": [{"table": "tugs", "unique": []}]}`, at)
	if again := toolID(t, app); again == id {
		t.Errorf("the tool ID did not change with the snapshot's content:\n%s", id)
	}
}
