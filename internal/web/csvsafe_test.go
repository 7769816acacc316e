package web

import (
	"bytes"
	"encoding/csv"
	"testing"
)

func TestSpreadsheetSafe(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+44 161 000": "'+44 161 000", "@SUM(A1)": "'@SUM(A1)",
		"-2+3": "'-2+3", "Mind in Trafford": "Mind in Trafford", "": "",
	} {
		if got := spreadsheetSafe(in); got != want {
			t.Errorf("%q -> %q, want %q", in, got, want)
		}
	}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	writeSafeRow(cw, []string{"=1+1", "-2.235277", "-3"}, 1)
	cw.Flush()
	if got := buf.String(); got != "'=1+1,-2.235277,'-3\n" {
		t.Errorf("row %q", got)
	}
}
