package main

import (
	"encoding/json"
	"regexp"
	"testing"
)

// An ICB with no NHS mental health trust headquarters has no NHS figure
// (Nottingham and Nottinghamshire, E54000060: Nottinghamshire Healthcare
// is filed by CQC as a specialist acute trust). Its value and its counts
// are missing everywhere, never 0: null in the API, empty cells in the
// table under the map.
func TestWorkforceMissingHasNoCounts(t *testing.T) {
	_, body := get(t, "/api/v1/data?indicator=nhs-mh-fte-per-100k&type=icb&period=2018-06-30")
	var d struct {
		Values []struct {
			Code                          string
			Value, Numerator, Denominator json.RawMessage
		}
	}
	if err := json.Unmarshal(body, &d); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, v := range d.Values {
		if v.Code == "E54000060" {
			found = true
			if string(v.Value) != "null" || string(v.Numerator) != "null" || string(v.Denominator) != "null" {
				t.Errorf("E54000060: value %s, numerator %s, denominator %s; want all null", v.Value, v.Numerator, v.Denominator)
			}
		}
	}
	if !found {
		t.Fatal("no row for E54000060")
	}
	_, page := get(t, "/?indicator=nhs-mh-fte-per-100k&type=icb&period=2018-06-30")
	row := regexp.MustCompile(`(?s)data-code="E54000060">.*?</tr>`).Find(page)
	if row == nil {
		t.Fatal("no table row for E54000060")
	}
	if regexp.MustCompile(`>0</td>`).Match(row) {
		t.Errorf("a missing figure shows a count of 0:\n%s", row)
	}
}
