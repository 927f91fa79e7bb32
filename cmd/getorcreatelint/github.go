package main

import (
	"fmt"
	"io"
	"strings"
)

// writeGitHub writes one GitHub Actions workflow command per finding
// (::error or ::warning, by the category's level), which GitHub shows as
// an annotation on the file and line. Paths are relative to the
// repository root, as GitHub expects.
//
// GitHub shows at most 10 error and 10 warning annotations per step and
// 50 per job and silently drops the rest, so the caller prints the plain
// text output as well.
func writeGitHub(w io.Writer, findings []finding, loc *locator) error {
	for _, f := range findings {
		path, _ := loc.relPath(f.Start.Filename)
		s := loc.span(f.Start, f.End)
		props := []string{
			"file=" + escapeProperty(path),
			fmt.Sprintf("line=%d", s.startLine),
			fmt.Sprintf("endLine=%d", s.endLine),
			fmt.Sprintf("col=%d", s.startCol),
		}
		if s.endLine == s.startLine {
			// GitHub takes columns only for a range within one line.
			props = append(props, fmt.Sprintf("endColumn=%d", s.endCol))
		}
		props = append(props, "title="+escapeProperty(githubTitle(f.Category)))
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", githubLevel(f.Category), strings.Join(props, ","), escapeData(f.Message)); err != nil {
			return err
		}
	}
	return nil
}

// writeGitHubErrors annotates the run's errors (packages that failed to
// load, schema sources that could not be read), which have no position.
func writeGitHubErrors(w io.Writer, errs []string) error {
	for _, e := range errs {
		if _, err := fmt.Fprintf(w, "::error title=%s::%s\n", escapeProperty("getorcreatelint failed"), escapeData(e)); err != nil {
			return err
		}
	}
	return nil
}

func githubTitle(category string) string { return "getorcreatelint (" + ruleID(category) + ")" }

// githubLevel maps the category's SARIF level to a workflow command.
func githubLevel(category string) string {
	switch ruleFor(category).Level {
	case "error":
		return "error"
	case "note":
		return "notice"
	}
	return "warning"
}

// Escaping as GitHub's runner undoes it (actions/toolkit, command.ts): the
// message may not hold a line break, and property values may not hold the
// separators of the command syntax either.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
