package source

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// table reads a CSV file with a header row, finding columns by name so that
// column order does not matter and a missing column is named in the error.
type table struct {
	file   string
	r      *csv.Reader
	header []string
	index  map[string]int
	row    []string
	errs   Errors
}

func newTable(r io.Reader, file string, required ...string) (*table, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &Error{File: file, Line: 1, Msg: "the file is empty: a header row is needed"}
	}
	if err != nil {
		return nil, csvError(file, err)
	}
	t := &table{file: file, r: cr, header: header, index: map[string]int{}}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		t.header[i] = h
		t.index[h] = i
	}
	var missing Errors
	for _, name := range required {
		if _, ok := t.index[name]; !ok {
			missing = append(missing, &Error{File: file, Line: 1, Msg: fmt.Sprintf(
				"missing column %q (the header has: %s)", name, strings.Join(header, ", "))})
		}
	}
	if len(missing) > 0 {
		return nil, missing
	}
	return t, nil
}

func csvError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: file, Line: pe.Line, Column: pe.Column, Msg: pe.Err.Error()}
	}
	var e *Error
	if errors.As(err, &e) {
		return e // already names its file, as a capped reader's does
	}
	return &Error{File: file, Msg: err.Error()}
}

// next moves to the next row; it returns false at the end or on a
// malformed row (recorded as an error).
func (t *table) next() bool {
	if len(t.errs) >= maxErrors {
		return false
	}
	row, err := t.r.Read()
	if err == io.EOF {
		return false
	}
	if err != nil {
		t.errs = append(t.errs, csvError(t.file, err).(*Error))
		return false
	}
	t.row = row
	return true
}

// line is the line of the current row.
func (t *table) line() int {
	l, _ := t.r.FieldPos(0)
	return l
}

// get returns the trimmed value of a column in the current row.
func (t *table) get(name string) string {
	i, ok := t.index[name]
	if !ok || i >= len(t.row) {
		return ""
	}
	return strings.TrimSpace(t.row[i])
}

// fail records a problem with a column of the current row.
func (t *table) fail(name, format string, args ...any) {
	e := &Error{File: t.file, Line: t.line(), ColumnName: name, Msg: fmt.Sprintf(format, args...)}
	if i, ok := t.index[name]; ok {
		e.Column = i + 1
		if i < len(t.row) {
			e.Line, _ = t.r.FieldPos(i)
		}
	}
	t.errs = append(t.errs, e)
}

// required returns a column's value, recording an error if it is empty.
func (t *table) required(name string) string {
	v := t.get(name)
	if v == "" {
		t.fail(name, "a value is required")
	}
	return v
}

// count parses a non-negative whole number.
func (t *table) count(name string) int64 {
	v := t.get(name)
	n, err := strconv.ParseInt(strings.ReplaceAll(v, ",", ""), 10, 64)
	switch {
	case v == "":
		t.fail(name, "a count is required")
	case err != nil:
		t.fail(name, "%q is not a whole number", v)
	case n < 0:
		t.fail(name, "%d is negative: counts cannot be", n)
	}
	return n
}

// number parses a decimal number.
func (t *table) number(name string) float64 {
	v := t.get(name)
	f, err := parseFloat(v)
	if err != nil {
		t.fail(name, "%q is not a number", v)
	}
	return f
}

// parseFloat is strconv.ParseFloat for figures in files: "NaN" and
// "Inf", which ParseFloat accepts, are not numbers a publisher means, and
// would pass every range check and then break JSON and the class breaks.
func parseFloat(s string) (float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err == nil && (math.IsNaN(f) || math.IsInf(f, 0)) {
		return 0, fmt.Errorf("%q is not a finite number", s)
	}
	return f, err
}
