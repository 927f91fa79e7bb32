package schema

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// AddGORMTagSettings returns the struct tag literal lit, as written in Go
// source (a raw `...` or interpreted "..." string; "" for a field with no
// tag), with settings added to its gorm key. GORM reads only the first gorm
// key of a tag, so the settings are merged into that key's value after a
// ';' instead of being written as a second key; a setting already present
// (GORM compares keys case-insensitively) is not added again. The other
// keys, their order and their spelling are kept. An error means the tag
// cannot be edited without changing what it says.
func AddGORMTagSettings(lit string, settings []string) (string, error) {
	raw := true
	body := ""
	switch {
	case lit == "":
	case len(lit) >= 2 && lit[0] == '`' && lit[len(lit)-1] == '`':
		body = lit[1 : len(lit)-1]
	case len(lit) >= 2 && lit[0] == '"':
		s, err := strconv.Unquote(lit)
		if err != nil {
			return "", fmt.Errorf("struct tag %s: %v", lit, err)
		}
		raw, body = false, s
	default:
		return "", fmt.Errorf("struct tag %s is not a string literal", lit)
	}
	pairs, ok := tagPairs(body)
	if !ok {
		return "", fmt.Errorf("struct tag %s does not follow the key:\"value\" convention", lit)
	}
	for _, s := range settings {
		if strings.TrimSpace(s) == "" || strings.ContainsAny(s, ";\\`") {
			return "", fmt.Errorf("gorm setting %q cannot be written in a tag", s)
		}
	}

	gorm := -1
	for i, p := range pairs {
		if p.key == "gorm" {
			gorm = i
			break
		}
	}
	old := ""
	if gorm >= 0 {
		old = pairs[gorm].value
	}
	value, err := appendGORMSettings(old, settings)
	if err != nil {
		return "", err
	}
	quoted := strconv.Quote(value)
	var out string
	if gorm >= 0 {
		p := pairs[gorm]
		out = body[:p.start] + quoted + body[p.end:]
	} else {
		out = body
		if strings.TrimRight(out, " ") == out && out != "" {
			out += " "
		}
		out += "gorm:" + quoted
	}
	if err := sameTagBut(body, out, value); err != nil {
		return "", err
	}
	if raw {
		if strings.ContainsAny(out, "`\r") {
			return "", errors.New("the new tag cannot be written as a raw string")
		}
		return "`" + out + "`", nil
	}
	return strconv.Quote(out), nil
}

// appendGORMSettings adds the settings missing from the gorm tag value old.
func appendGORMSettings(old string, settings []string) (string, error) {
	if strings.HasSuffix(old, `\`) {
		// GORM would read the separator we add as escaped.
		return "", fmt.Errorf("gorm tag %q ends in a backslash", old)
	}
	have := map[string]bool{}
	for _, s := range splitGORMSettings(old) {
		have[normalGORMSetting(s)] = true
	}
	value := old
	for _, s := range settings {
		if have[normalGORMSetting(s)] {
			continue
		}
		have[normalGORMSetting(s)] = true
		trimmed := strings.TrimRight(value, " ")
		if trimmed != "" && (!strings.HasSuffix(trimmed, ";") || strings.HasSuffix(trimmed, `\;`)) {
			value += ";"
		}
		value += s
	}
	return value, nil
}

// splitGORMSettings splits a gorm tag value as schema.ParseTagSetting does:
// on ';', a backslash before it escaping it.
func splitGORMSettings(value string) []string {
	var out []string
	names := strings.Split(value, ";")
	for i := 0; i < len(names); i++ {
		s := names[i]
		for strings.HasSuffix(s, `\`) && i+1 < len(names) {
			i++
			s = s[:len(s)-1] + ";" + names[i]
		}
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// normalGORMSetting is the form two settings GORM reads alike share: the
// key upper-cased and trimmed, the value as written.
func normalGORMSetting(s string) string {
	k, v, hasValue := strings.Cut(s, ":")
	k = strings.ToUpper(strings.TrimSpace(k))
	if !hasValue {
		return k
	}
	return k + ":" + v
}

// tagPair is one key:"value" of a struct tag; start and end delimit the
// quoted value in the tag body.
type tagPair struct {
	key        string
	value      string
	start, end int
}

// tagPairs parses a struct tag body following reflect.StructTag.Lookup. It
// reports false unless the whole body is well-formed pairs and spaces, so
// that an edit cannot change what Lookup finds for the other keys.
func tagPairs(tag string) ([]tagPair, bool) {
	var pairs []tagPair
	i := 0
	for {
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		if i == len(tag) {
			return pairs, true
		}
		j := i
		for j < len(tag) && tag[j] > ' ' && tag[j] != ':' && tag[j] != '"' && tag[j] != 0x7f {
			j++
		}
		if j == i || j+1 >= len(tag) || tag[j] != ':' || tag[j+1] != '"' {
			return nil, false
		}
		k := j + 2
		for ; k < len(tag) && tag[k] != '"'; k++ {
			if tag[k] == '\\' {
				k++
			}
		}
		if k >= len(tag) {
			return nil, false
		}
		value, err := strconv.Unquote(tag[j+1 : k+1])
		if err != nil {
			return nil, false
		}
		pairs = append(pairs, tagPair{key: tag[i:j], value: value, start: j + 1, end: k + 1})
		i = k + 1
	}
}

// sameTagBut checks the edit with reflect.StructTag itself: every key of
// before reads the same in after, except gorm, which reads gorm.
func sameTagBut(before, after, gorm string) error {
	pairs, _ := tagPairs(before)
	seen := map[string]bool{"gorm": true}
	for _, p := range pairs {
		if seen[p.key] {
			continue // Lookup finds the first of repeated keys only
		}
		seen[p.key] = true
		if got, ok := reflect.StructTag(after).Lookup(p.key); !ok || got != p.value {
			return fmt.Errorf("editing the tag would change its %s key", p.key)
		}
	}
	if got, ok := reflect.StructTag(after).Lookup("gorm"); !ok || got != gorm {
		return errors.New("the edited tag does not read back")
	}
	return nil
}
