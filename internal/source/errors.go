// Package source reads the files the atlas imports (ONS lookups, Census
// tables and, later, workforce and services files), validates every row and
// turns them into domain records. It never writes anywhere: storing what it
// read, in one transaction, is the caller's job.
package source

import (
	"fmt"
	"strings"
)

// Error is a problem with one place in an input file. Line and Column are
// 1-based; Column counts fields, as a spreadsheet does, and ColumnName is
// the header of that field.
type Error struct {
	File       string
	Line       int
	Column     int
	ColumnName string
	Msg        string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ": line %d", e.Line)
	}
	if e.Column > 0 {
		fmt.Fprintf(&b, ", column %d", e.Column)
		if e.ColumnName != "" {
			fmt.Fprintf(&b, " (%s)", e.ColumnName)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in a file, up to a limit, so that a user can
// fix them all in one go.
type Errors []*Error

// maxErrors caps how many problems are collected before reading stops.
const maxErrors = 20

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	s := strings.Join(lines, "\n")
	if len(es) >= maxErrors {
		s += fmt.Sprintf("\n(stopped after %d problems)", maxErrors)
	}
	return s
}

// err returns nil for no errors, so callers can return it directly.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// Progress is told how far a long read has got. Done and Total count rows;
// Total is 0 when unknown.
type Progress func(stage string, done, total int)

// NoProgress ignores progress reports.
func NoProgress(string, int, int) {}
