package buntags

import "strings"

// Tag is a parsed bun struct tag: `bun:"name,opt,opt:value"`. The first
// element is the name (a column, or for bun.BaseModel the table) unless
// it is a key:value option; an option may be given more than once.
type Tag struct {
	Name    string
	Options map[string][]string
}

// HasOption reports whether the tag has the option.
func (t Tag) HasOption(name string) bool {
	_, ok := t.Options[name]
	return ok
}

// Option returns the last value of the option.
func (t Tag) Option(name string) (string, bool) {
	if vs, ok := t.Options[name]; ok {
		return vs[len(vs)-1], true
	}
	return "", false
}

// ParseTag reads a bun tag as bun's own parser does: elements separated by
// commas, values after a colon, double-quoted values (with backslash
// escapes) that may hold commas, and parenthesised values (default:f(a,b))
// read to the closing parenthesis.
func ParseTag(s string) Tag {
	p := tagParser{s: s}
	for p.i < len(p.s) {
		p.element()
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
		}
	}
	return p.tag
}

type tagParser struct {
	s        string
	i        int
	tag      Tag
	seenName bool
}

func (p *tagParser) element() {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		switch c {
		case ',':
			p.name(p.s[start : p.i-1])
			p.i-- // the caller skips the comma
			return
		case ':':
			key := p.s[start : p.i-1]
			p.option(key, p.value())
			return
		case '"':
			p.name(p.quoted())
			return
		}
	}
	p.name(p.s[start:p.i])
}

func (p *tagParser) name(name string) {
	if p.seenName {
		p.option(name, "")
		return
	}
	p.seenName = true
	p.tag.Name = name
}

func (p *tagParser) option(key, value string) {
	p.seenName = true
	if key == "" {
		return
	}
	if p.tag.Options == nil {
		p.tag.Options = map[string][]string{}
	}
	p.tag.Options[key] = append(p.tag.Options[key], value)
}

func (p *tagParser) value() string {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		switch c {
		case '"':
			return p.quoted()
		case ',':
			p.i--
			return p.s[start:p.i]
		case '(':
			p.skipParens()
		}
	}
	return p.s[start:p.i]
}

// quoted reads up to the closing double quote, after the opening one.
func (p *tagParser) quoted() string {
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		switch c {
		case '\\':
			if p.i < len(p.s) {
				b.WriteByte(p.s[p.i])
				p.i++
			}
		case '"':
			return b.String()
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func (p *tagParser) skipParens() {
	depth := 0
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		switch c {
		case '"':
			p.quoted()
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return
			}
			depth--
		}
	}
}
