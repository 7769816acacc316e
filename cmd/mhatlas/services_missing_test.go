package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestServicesMissingIsNotZero checks that an area no directory covers for
// a filter has no count at all, in the API and in the map page's table:
// Leeds (E08000035) has no peer support directory, so its value is missing
// and so is the count behind it, while Trafford's 10 groups (counted by
// hand in services_pages_test.go) are shown. Leeds's LSOAs in
// data/geo/lsoa21_sicbl24_icb24_lad24_lookup.csv hold 812,017 residents.
func TestServicesMissingIsNotZero(t *testing.T) {
	var d struct {
		Values []struct {
			Code      string
			Value     *float64
			Numerator *float64
		}
	}
	getJSON(t, "/api/v1/data?indicator=services-per-100k&type=ltla&service_type=peer-support", 200, &d)
	seen := 0
	for _, v := range d.Values {
		switch v.Code {
		case "E08000035":
			seen++
			if v.Value != nil || v.Numerator != nil {
				t.Errorf("Leeds: value %v, numerator %v; want both null", v.Value, v.Numerator)
			}
		case "E08000009":
			seen++
			if v.Numerator == nil || *v.Numerator != peerInTrafford {
				t.Errorf("Trafford: numerator %v, want %d", v.Numerator, peerInTrafford)
			}
		}
	}
	if seen != 2 {
		t.Fatalf("found %d of Leeds and Trafford", seen)
	}

	_, body := get(t, "/?indicator=services-per-100k&type=ltla&service_type=peer-support")
	// The download links leave out the period, whose label moves as
	// directories are imported, so a saved link keeps working.
	if want := `href="/api/v1/data.csv?group=all&amp;indicator=services-per-100k&amp;sector=all&amp;service_type=peer-support&amp;type=ltla"`; !strings.Contains(string(body), want) {
		t.Errorf("the page lacks %s", want)
	}
	// The row's cells: area, code, value, numerator, denominator.
	leeds := regexp.MustCompile(`(?s)data-code="E08000035">.*?</tr>`).Find(body)
	cell := regexp.MustCompile(`(?s)<td class="govuk-table__cell govuk-table__cell--numeric"[^>]*>(.*?)</td>`)
	cells := cell.FindAllSubmatch(leeds, -1)
	if len(cells) != 3 || string(cells[0][1]) != "no data" || string(cells[1][1]) != "" || string(cells[2][1]) != "812,017" {
		t.Errorf("Leeds row: %s", leeds)
	}
}
