package main

import (
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"path/filepath"
	"strings"
)

// SARIF 2.1.0, the parts this tool writes. Hand-written rather than
// imported: the module is also a golangci-lint plugin, whose dependencies
// join golangci-lint's build.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"` // [] when empty: code scanning requires it
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string               `json:"id"`
	ShortDescription     sarifText            `json:"shortDescription"`
	FullDescription      sarifText            `json:"fullDescription"`
	Help                 sarifHelp            `json:"help"`
	HelpURI              string               `json:"helpUri"`
	DefaultConfiguration sarifConfiguration   `json:"defaultConfiguration"`
	Properties           *sarifRuleProperties `json:"properties,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProperties struct {
	Tags      []string `json:"tags,omitempty"`
	Precision string   `json:"precision,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        int             `json:"ruleIndex"`
	Level            string          `json:"level"`
	Message          sarifText       `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix      `json:"fixes,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"` // related locations only
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// sarifRegion's end column is the column after the last character; an
// empty region (start = end) is an insertion point.
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

const sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// srcRoot is the uriBaseId of every path: the repository root, which code
// scanning takes to be the checkout.
const srcRoot = "%SRCROOT%"

// buildSARIF makes the log of one run: a rule per diagnostic category, a
// result per finding, and the run's errors as notifications.
func buildSARIF(findings []finding, errors []string, loc *locator) sarifLog {
	rules := reportRules(findings)
	index := map[string]int{}
	driver := sarifDriver{Name: "getorcreatelint", Version: toolVersion(), InformationURI: informationURI()}
	for i, r := range rules {
		index[r.ID] = i
		sr := sarifRule{
			ID:                   r.ID,
			ShortDescription:     sarifText{r.Short},
			FullDescription:      sarifText{r.Full},
			Help:                 sarifHelp{Text: r.Help, Markdown: r.HelpMD},
			HelpURI:              helpURI(r.ID),
			DefaultConfiguration: sarifConfiguration{Level: r.Level},
		}
		if len(r.Tags) > 0 || r.Precision != "" {
			sr.Properties = &sarifRuleProperties{Tags: r.Tags, Precision: r.Precision}
		}
		driver.Rules = append(driver.Rules, sr)
	}

	results := make([]sarifResult, 0, len(findings))
	for _, f := range findings {
		id := ruleID(f.Category)
		res := sarifResult{
			RuleID:    id,
			RuleIndex: index[id],
			Level:     rules[index[id]].Level,
			Message:   sarifText{f.Message},
			Locations: []sarifLocation{{PhysicalLocation: physicalLocation(loc, f.Start, f.End)}},
		}
		for i, r := range f.Related {
			id := i + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID:               &id,
				PhysicalLocation: physicalLocation(loc, r.Start, r.End),
				Message:          &sarifText{r.Message},
			})
		}
		for _, x := range f.Fixes {
			res.Fixes = append(res.Fixes, sarifFixOf(loc, x))
		}
		results = append(results, res)
	}

	inv := sarifInvocation{ExecutionSuccessful: len(errors) == 0}
	for _, e := range errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "error", Message: sarifText{e}})
	}
	return sarifLog{
		Schema:  sarifSchemaURI,
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool:        sarifTool{Driver: driver},
			Invocations: []sarifInvocation{inv},
			ColumnKind:  "utf16CodeUnits",
			Results:     results,
		}},
	}
}

// sarifFixOf groups a suggested fix's edits by file, in order.
func sarifFixOf(loc *locator, x fix) sarifFix {
	sf := sarifFix{Description: sarifText{x.Message}}
	byFile := map[string]int{}
	for _, e := range x.Edits {
		al := artifactLocation(loc, e.Start.Filename)
		i, ok := byFile[al.URI]
		if !ok {
			i = len(sf.ArtifactChanges)
			byFile[al.URI] = i
			sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: al})
		}
		r := sarifReplacement{DeletedRegion: region(loc, e.Start, e.End)}
		if e.NewText != "" {
			r.InsertedContent = &sarifText{e.NewText}
		}
		sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, r)
	}
	return sf
}

func physicalLocation(loc *locator, start, end token.Position) sarifPhysicalLocation {
	return sarifPhysicalLocation{ArtifactLocation: artifactLocation(loc, start.Filename), Region: region(loc, start, end)}
}

// artifactLocation names a file relative to %SRCROOT%, or by its absolute
// file URI when it lies outside the repository.
func artifactLocation(loc *locator, file string) sarifArtifactLocation {
	if rel, ok := loc.relPath(file); ok {
		return sarifArtifactLocation{URI: uriPath(rel), URIBaseID: srcRoot}
	}
	abs := filepath.ToSlash(file)
	if !strings.HasPrefix(abs, "/") {
		abs = "/" + abs // a Windows drive letter
	}
	return sarifArtifactLocation{URI: "file://" + uriPath(abs)}
}

// uriPath escapes a slash-separated path for use in a URI. A relative path
// whose first segment holds a colon ("x:y.go") would read as a URI with
// the scheme "x", so it is written "./x:y.go" (RFC 3986, section 4.2).
func uriPath(p string) string {
	escaped := (&url.URL{Path: p}).EscapedPath()
	if first, _, _ := strings.Cut(escaped, "/"); strings.Contains(first, ":") {
		escaped = "./" + escaped
	}
	return escaped
}

func region(loc *locator, start, end token.Position) sarifRegion {
	s := loc.span(start, end)
	return sarifRegion{StartLine: s.startLine, StartColumn: s.startCol, EndLine: s.endLine, EndColumn: s.endCol}
}

func writeSARIF(w io.Writer, log sarifLog) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}
