package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
	"github.com/getorcreatelint/getorcreatelint/schema/fsread"
)

// configNames are the configuration files read from the module root, in
// order of preference.
var configNames = []string{".getorcreatelint.yml", ".getorcreatelint.yaml"}

// refusedConfigKeys are options a configuration file may not set, with the
// reason. The file comes with the repository being linted, which may be an
// untrusted pull request.
var refusedConfigKeys = map[string]string{
	"dsn": "a repository must not choose where the linter connects (nor receive the credentials it would send); " +
		"give -dsn on the command line or in $" + dsnEnv + ", or declare the unique keys in migrations",
}

// loadConfig finds the configuration file of the module holding dir and
// applies its settings to fs, whose flags then override them. Every
// command reads the file the same way: its keys are the analyzer's options
// (the flag names), whatever other flags fs has.
func loadConfig(dir string, fs *flag.FlagSet) error {
	path, err := findConfig(dir)
	if err != nil || path == "" {
		return err
	}
	data, err := fsread.ReadFile(path, fsread.MaxConfigFile)
	if err != nil {
		return fmt.Errorf("reading configuration: %w", err)
	}
	settings, err := parseConfig(path, data)
	if err != nil {
		return err
	}
	for _, s := range settings {
		if err := fs.Set(s.key, s.value); err != nil {
			return fmt.Errorf("%s:%d: option %q: %v", path, s.line, s.key, err)
		}
	}
	return nil
}

// setting is one key of the configuration file, as a flag value.
type setting struct {
	key, value string
	line       int
}

// optionKinds describes each option's value: "bool", "list" or "string".
func optionKinds() map[string]string {
	kinds := map[string]string{}
	analyzer.New(analyzer.DefaultOptions()).Flags.VisitAll(func(f *flag.Flag) {
		switch v := f.Value.(type) {
		case interface{ IsBoolFlag() bool }:
			if v.IsBoolFlag() {
				kinds[f.Name] = "bool"
				return
			}
		}
		kinds[f.Name] = "string"
		if strings.Contains(f.Usage, "comma-separated") {
			kinds[f.Name] = "list"
		}
	})
	return kinds
}

var kindNames = map[string]string{
	"bool":   "true or false",
	"list":   "a list or a comma-separated string",
	"string": "a string",
}

// parseConfig reads a configuration file: a YAML mapping from option names
// to values. Errors name the file, the line and what was expected.
func parseConfig(path string, data []byte) ([]setting, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // an empty file
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: want a mapping of option names to values, such as \"strict: true\"", path, root.Line)
	}
	kinds := optionKinds()
	known := make([]string, 0, len(kinds))
	for k := range kinds {
		if refusedConfigKeys[k] == "" {
			known = append(known, k)
		}
	}
	sort.Strings(known)
	var out []setting
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		kn, vn := root.Content[i], root.Content[i+1]
		key := kn.Value
		if why, ok := refusedConfigKeys[key]; ok {
			return nil, fmt.Errorf("%s:%d: %q cannot be set in the configuration file: %s", path, kn.Line, key, why)
		}
		kind, ok := kinds[key]
		if !ok {
			msg := fmt.Sprintf("%s:%d: unknown option %q", path, kn.Line, key)
			if s := suggest(key, known); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return nil, fmt.Errorf("%s; the options are %s", msg, strings.Join(known, ", "))
		}
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("%s:%d: option %q is already set on line %d", path, kn.Line, key, prev)
		}
		seen[key] = kn.Line
		value, err := settingValue(vn, kind)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: option %q: want %s, got %s", path, vn.Line, key, kindNames[kind], err)
		}
		out = append(out, setting{key: key, value: value, line: vn.Line})
	}
	return out, nil
}

// settingValue turns a YAML value into the flag's text, checking its type.
func settingValue(n *yaml.Node, kind string) (string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		switch {
		case n.Tag == "!!null":
			return "", nil
		case kind == "bool" && n.Tag != "!!bool" && n.Value != "true" && n.Value != "false":
			return "", fmt.Errorf("%q", n.Value)
		case kind != "bool" && n.Tag == "!!bool":
			return "", fmt.Errorf("the boolean %s", n.Value)
		}
		return n.Value, nil
	case yaml.SequenceNode:
		if kind != "list" {
			return "", fmt.Errorf("a list")
		}
		parts := make([]string, len(n.Content))
		for i, item := range n.Content {
			if item.Kind != yaml.ScalarNode {
				return "", fmt.Errorf("a nested value on line %d", item.Line)
			}
			if strings.Contains(item.Value, ",") {
				return "", fmt.Errorf("list element %q, which contains a comma", item.Value)
			}
			parts[i] = item.Value
		}
		return strings.Join(parts, ","), nil
	case yaml.MappingNode:
		return "", fmt.Errorf("a mapping")
	}
	return "", fmt.Errorf("an alias or a document")
}

// findConfig returns the configuration file at the root of the module
// holding dir, or "".
func findConfig(dir string) (string, error) {
	root, ok := moduleRootFrom(dir)
	if !ok {
		return "", nil
	}
	for _, name := range configNames {
		p := filepath.Join(root, name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("configuration: %w", err)
		}
	}
	return "", nil
}
