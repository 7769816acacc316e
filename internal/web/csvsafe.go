package web

import (
	"encoding/csv"
	"strings"
)

// spreadsheetSafe stops a text cell from being run as a formula when a
// downloaded CSV is opened in a spreadsheet: imported directories are
// written by many hands, and a name starting "=" or "+" would otherwise be
// evaluated. The leading apostrophe is what spreadsheets themselves use to
// mark text.
func spreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// writeSafeRow writes a CSV row, making every cell spreadsheet-safe except
// the numeric columns listed, whose minus signs must stay numbers.
func writeSafeRow(cw *csv.Writer, row []string, numeric ...int) error {
	keep := map[int]bool{}
	for _, i := range numeric {
		keep[i] = true
	}
	out := make([]string, len(row))
	for i, c := range row {
		if keep[i] {
			out[i] = c
		} else {
			out[i] = spreadsheetSafe(c)
		}
	}
	return cw.Write(out)
}
