package source

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// SFCSheet is the data sheet of Skills for Care's local authority
// workbook ("LA data download").
const SFCSheet = "LA level data"

// grid is a table read from a workbook sheet or a CSV file: rows of cells,
// each row with its line (CSV) or spreadsheet row number (workbook), so
// that errors point at the cell a user will look for.
type grid struct {
	// name is how errors name the source: the file, and for a workbook
	// the sheet, "LA-data.xlsx [LA level data]".
	name  string
	rows  [][]string
	lines []int
}

// readGrid reads a workbook's SFCSheet or a CSV export of it, chosen by
// the file's extension.
func readGrid(r io.Reader, file string) (*grid, error) {
	r = capped(r, file, maxWholeFile)
	switch strings.ToLower(path.Ext(file)) {
	case ".xlsx", ".xlsm":
		return readSheet(r, file, SFCSheet)
	case ".csv":
		cr := csv.NewReader(r)
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		rows, lines, err := readAll(cr, file)
		if err != nil {
			return nil, err
		}
		return &grid{name: file, rows: rows, lines: lines}, nil
	}
	return nil, &Error{File: file, Msg: "give the Skills for Care workbook (.xlsx) or a CSV export of its \"" + SFCSheet + "\" sheet (.csv)"}
}

// readSheet reads one sheet of a workbook with raw cell values: a rate
// formatted to show "25%" is read as the 0.25 it holds, and the importer
// decides what it is.
func readSheet(r io.Reader, file, sheet string) (*grid, error) {
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: maxUnzipped})
	var tooBig *Error
	if errors.As(err, &tooBig) {
		return nil, tooBig
	}
	if err != nil {
		return nil, &Error{File: file, Msg: "not a readable .xlsx workbook: " + err.Error()}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	found := false
	for _, s := range sheets {
		found = found || s == sheet
	}
	if !found {
		return nil, &Error{File: file, Msg: fmt.Sprintf("no sheet %q (the workbook has: %s)", sheet, strings.Join(sheets, ", "))}
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, &Error{File: file, Msg: fmt.Sprintf("reading sheet %q: %v", sheet, err)}
	}
	g := &grid{name: fmt.Sprintf("%s [%s]", file, sheet), rows: rows, lines: make([]int, len(rows))}
	for i := range rows {
		g.lines[i] = i + 1
	}
	return g, nil
}

// cell returns a trimmed cell, "" past the end of a short row.
func (g *grid) cell(row, col int) string {
	if col < len(g.rows[row]) {
		return strings.TrimSpace(g.rows[row][col])
	}
	return ""
}

// errAt names a cell of the grid.
func (g *grid) errAt(row, col int, header, format string, args ...any) *Error {
	return &Error{File: g.name, Line: g.lines[row], Column: col + 1, ColumnName: header, Msg: fmt.Sprintf(format, args...)}
}

// normHeader compares headers ignoring case and runs of spaces.
func normHeader(h string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(h, "\ufeff")), " "))
}
