package file

import (
	"fmt"
	"os"
	"strings"

	"sigs.k8s.io/yaml"
)

// Parse reads a constitution in YAML or JSON (JSON is YAML). Unknown fields
// are errors, so a misspelt field is not silently ignored; every one is
// reported at its path in the file.
func Parse(data []byte) (*File, error) {
	unknown, err := unknownFields(data)
	if err != nil {
		return nil, fmt.Errorf("constitution: %w", err)
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("constitution: %s", strings.Join(unknown, "\n"))
	}
	var f File
	if err := yaml.UnmarshalStrict(data, &f); err != nil {
		return nil, fmt.Errorf("constitution: %w", err)
	}
	return &f, nil
}

// Read parses the file at path.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// Marshal writes f as YAML.
func Marshal(f *File) ([]byte, error) { return yaml.Marshal(f) }
