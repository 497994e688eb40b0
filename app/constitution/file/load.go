package file

import (
	"fmt"
	"os"

	"sigs.k8s.io/yaml"
)

// Parse reads a constitution in YAML or JSON (JSON is YAML). Unknown fields
// are errors, so a misspelt field is not silently ignored.
func Parse(data []byte) (*File, error) {
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
