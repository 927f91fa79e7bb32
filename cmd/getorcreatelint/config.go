package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// configNames are the configuration files read from the module root, in
// order of preference.
var configNames = []string{".getorcreatelint.yml", ".getorcreatelint.yaml"}

// loadConfig finds the configuration file of the module holding dir and
// applies its settings to fs, whose flags then override them. Keys are the
// flag names; unknown keys and malformed files are errors.
func loadConfig(dir string, fs *flag.FlagSet) error {
	path, err := findConfig(dir)
	if err != nil || path == "" {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading configuration: %w", err)
	}
	var settings map[string]any
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&settings); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: %v", path, err)
	}
	if err := analyzer.Apply(fs, settings); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
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
