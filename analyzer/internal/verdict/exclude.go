package verdict

import (
	"go/token"
	"path"
	"path/filepath"
	"strings"
)

// excluded reports whether the file holding n matches an Exclude pattern.
// Patterns are slash-separated, relative to the module root; * matches
// within one path element and ** any number of elements.
func (v *Verdict) excluded(n interface{ Pos() token.Pos }) bool {
	if len(v.cfg.Exclude) == 0 {
		return false
	}
	root, err := v.src.Root()
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(root, v.pass.Fset.Position(n.Pos()).Filename)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, pattern := range v.cfg.Exclude {
		if matchPath(pattern, rel) {
			return true
		}
	}
	return false
}

// matchPath matches a slash-separated path against a pattern with * and **.
// A pattern naming a directory matches everything under it.
func matchPath(pattern, p string) bool {
	return matchParts(strings.Split(strings.Trim(pattern, "/"), "/"), strings.Split(p, "/"))
}

func matchParts(pat, parts []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(parts); i++ {
				if matchParts(pat[1:], parts[i:]) {
					return true
				}
			}
			return false
		}
		if len(parts) == 0 {
			return false
		}
		if ok, err := path.Match(pat[0], parts[0]); err != nil || !ok {
			return false
		}
		pat, parts = pat[1:], parts[1:]
	}
	return true // the pattern named a directory holding the rest
}
