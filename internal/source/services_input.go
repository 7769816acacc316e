package source

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// The files a membership body or an analyst brings come out of
// spreadsheets and downloads: an Excel workbook or a zip instead of its
// CSV, a CSV saved as "Unicode text" (UTF-16) or in the Windows code page,
// headers written "Postcode" or "Directory covers", and rows with every
// cell empty at the end. The helpers here turn each of these into either
// something the template accepts or an error that says what to do.

// csvInput refuses input that is not a CSV file, saying how to get one.
func csvInput(r io.Reader, file string) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return nil, &Error{File: file, Line: 1, Msg: "this is an Excel workbook (.xlsx) or a zip file, not a CSV file: " +
			"save the sheet as \"CSV UTF-8 (Comma delimited)\", or unzip the download, and import the .csv file"}
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return nil, &Error{File: file, Line: 1, Msg: "this file is UTF-16 text (\"Unicode text\"): " +
			"save it as \"CSV UTF-8 (Comma delimited)\" and import that"}
	}
	return br, nil
}

// foldHeader lets columns be found whatever their case and whether words
// are joined by spaces, hyphens or underscores ("Directory covers" is
// directory_covers). A header written exactly as the template has it wins.
func foldHeader(t *table) {
	for i, h := range t.header {
		k := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(h))
		if _, ok := t.index[k]; !ok {
			t.index[k] = i
		}
	}
}

// blankRow reports whether every cell of a row is empty, as in the rows
// spreadsheets write below a table.
func blankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// blankRows turns the lines of skipped empty rows into a warning, so that
// nothing is left out without a word.
func blankRows(file string, lines []int) *Error {
	if len(lines) == 0 {
		return nil
	}
	shown := make([]string, 0, 10)
	for i, l := range lines {
		if i == 10 {
			shown = append(shown, "...")
			break
		}
		shown = append(shown, fmt.Sprint(l))
	}
	return &Error{File: file, Line: lines[0], Msg: fmt.Sprintf("%d empty row(s) skipped (lines %s)", len(lines), strings.Join(shown, ", "))}
}

// checkUTF8 refuses cells that are not UTF-8 text: a CSV saved in the
// Windows code page would otherwise show its apostrophes and accents as
// garbage on every page.
func (t svcTable) checkUTF8() {
	for i, c := range t.row {
		if !utf8.ValidString(c) && i < len(t.header) {
			t.fail(t.header[i], "this cell is not UTF-8 text (the file was probably saved in the Windows code page): "+
				"save it as \"CSV UTF-8 (Comma delimited)\" and import it again")
			return
		}
	}
}
