package sources

import (
	"fmt"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

func TestPrintWarnings(t *testing.T) {
	file := func(name, msg string) schema.Warning {
		return schema.Warning{Source: schema.Source{File: name}, Message: msg, File: true}
	}
	statement := schema.Warning{Source: schema.Source{File: "m/0002.sql", Line: 4}, Message: "DO block mentions CONSTRAINT"}
	warnings := []schema.Warning{
		file("m/0050_fifo.up.sql", "not a regular file (a named pipe); skipped"),
		statement,
		file("m/0060_latin1.up.sql", "file is not valid UTF-8; read as Latin-1"),
	}

	var b strings.Builder
	printWarnings(&b, warnings, false)
	want := "getorcreatelint: m/0050_fifo.up.sql: not a regular file (a named pipe); skipped\n" +
		"getorcreatelint: m/0060_latin1.up.sql: file is not valid UTF-8; read as Latin-1\n"
	if b.String() != want {
		t.Errorf("by default:\n%s\nwant the file warnings alone:\n%s", b.String(), want)
	}

	b.Reset()
	printWarnings(&b, warnings, true)
	if !strings.Contains(b.String(), "m/0002.sql:4: DO block mentions CONSTRAINT") || strings.Count(b.String(), "\n") != 3 {
		t.Errorf("with debug:\n%s\nwant every warning", b.String())
	}

	// Many refused files: a bounded number of lines, and how many more.
	var many []schema.Warning
	for i := range 25 {
		many = append(many, file(fmt.Sprintf("m/%04d.sql", i), "binary file skipped"))
	}
	b.Reset()
	printWarnings(&b, many, false)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != maxFileWarnings+1 || !strings.Contains(lines[maxFileWarnings], "and 15 more schema files") {
		t.Errorf("25 file warnings printed as:\n%s", b.String())
	}
}
