package file

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a file, at its path in the file
// (e.g. board.seats[3].appointed_by).
type Problem struct {
	Path, Msg string
}

func (p Problem) String() string { return p.Path + ": " + p.Msg }

// Problems is every problem found; as an error it lists them one a line.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// add records a problem at path.
func (ps *Problems) add(path, format string, args ...any) {
	for i, a := range args {
		// cosmos errors print their stack under %v; the message is enough
		if err, ok := a.(error); ok {
			args[i] = err.Error()
		}
	}
	*ps = append(*ps, Problem{Path: path, Msg: fmt.Sprintf(format, args...)})
}

// Err is nil when there is no problem.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

func at(path string, i int, field string) string {
	p := fmt.Sprintf("%s[%d]", path, i)
	if field != "" {
		p += "." + field
	}
	return p
}
