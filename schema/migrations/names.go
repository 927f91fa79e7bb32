package migrations

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// pgNameMax is PostgreSQL's NAMEDATALEN-1: identifiers longer than this are
// truncated by the server.
const pgNameMax = 63

// pgObjectName mirrors PostgreSQL's makeObjectName: "name1_name2_label",
// shortening the longer of name1 and name2 until the whole fits in 63
// bytes. name2 may be empty (as for "<table>_pkey").
func pgObjectName(name1, name2, label string) string {
	overhead := 0
	if label != "" {
		overhead += len(label) + 1
	}
	if name2 != "" {
		overhead++
	}
	avail := pgNameMax - overhead
	n1, n2 := len(name1), len(name2)
	for n1+n2 > avail {
		if n1 > n2 {
			n1--
		} else {
			n2--
		}
	}
	out := clipUTF8(name1, n1)
	if name2 != "" {
		out += "_" + clipUTF8(name2, n2)
	}
	if label != "" {
		out += "_" + label
	}
	return out
}

// clipUTF8 cuts s to at most n bytes without splitting a UTF-8 sequence,
// as pg_mbcliplen does.
func clipUTF8(s string, n int) string {
	if n >= len(s) {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// pgNameAddition mirrors ChooseIndexNameAddition: the key's column names
// joined by "_", stopping once the text reaches NAMEDATALEN (pgObjectName
// truncates it further).
func pgNameAddition(cols []string) string {
	var b strings.Builder
	for _, c := range cols {
		if b.Len() > 0 {
			b.WriteByte('_')
		}
		b.WriteString(c)
		if b.Len() >= pgNameMax+1 {
			break
		}
	}
	return b.String()
}

// exactSearch is how many collision suffixes a name search tries from the
// start, as the servers do; past it the search resumes where the previous
// one for the same base name ended, so that thousands of same-named keys
// on one table cost linear time. No real schema gets near it.
const exactSearch = 64

// pgChooseName mirrors ChooseRelationName: the first of label, label1,
// label2 ... whose object name is not taken in the schema. hint is where a
// long search may resume; the suffix used is returned for the next hint.
func pgChooseName(table string, cols []string, label string, taken func(string) bool, hint int) (string, int) {
	addition := ""
	if cols != nil {
		addition = pgNameAddition(cols)
	}
	name := pgObjectName(table, addition, label)
	if !taken(name) {
		return name, 0
	}
	for pass := 1; pass < 1<<20; pass++ {
		if pass == exactSearch && hint > pass {
			pass = hint
		}
		if name = pgObjectName(table, addition, label+strconv.Itoa(pass)); !taken(name) {
			return name, pass
		}
	}
	return name, 0
}

// mysqlChooseName mirrors MySQL's implicit index names: the first column's
// name (or functional_index for an expression), then name_2, name_3 ... on
// collision with an index of the same table. hint works as for
// pgChooseName.
func mysqlChooseName(first string, taken func(string) bool, hint int) (string, int) {
	if first == "" {
		first = "functional_index"
	}
	if !taken(first) {
		return first, 0
	}
	for n := 2; n < 1<<20; n++ {
		if n == exactSearch && hint > n {
			n = hint
		}
		if name := first + "_" + strconv.Itoa(n); !taken(name) {
			return name, n
		}
	}
	return first, 0
}
