package source

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// PopulationEstimate is one lower-tier authority's ONS mid-year population
// estimate: residents on 30 June of Year.
type PopulationEstimate struct {
	LTLA       string
	Year       int
	Population int64
}

// PopulationReport says what a mid-year estimates file held.
type PopulationReport struct {
	File    string
	Rows    int
	Skipped int // rows for Wales, Scotland or Northern Ireland
	Years   []int
}

// ReadPopulationEstimates reads ONS mid-year estimates in the staged long
// format (area_code, area_name, year, reference_date, population) for
// lower-tier authorities. Rows outside England are skipped and counted;
// an English code the atlas does not know, a reference date other than 30
// June of the year, or a second row for an authority and year is an error.
func ReadPopulationEstimates(r io.Reader, file string, isLTLA func(string) bool, progress Progress) ([]PopulationEstimate, PopulationReport, error) {
	rep := PopulationReport{File: file}
	t, err := newTable(r, file, "area_code", "year", "population")
	if err != nil {
		return nil, rep, err
	}
	var out []PopulationEstimate
	seen := map[string]int{}
	years := map[int]bool{}
	for t.next() {
		rep.Rows++
		code := t.required("area_code")
		if code != "" && !strings.HasPrefix(code, "E") {
			rep.Skipped++
			continue
		}
		if code != "" && !isLTLA(code) {
			t.fail("area_code", "unknown area code %q: not a lower-tier local authority (2023/2024 boundaries) the atlas knows", code)
		}
		ys := t.required("year")
		y, err := strconv.Atoi(ys)
		if ys != "" && (err != nil || y < 1900 || y > 2100) {
			t.fail("year", "%q is not a year", ys)
		}
		if d := t.get("reference_date"); d != "" && d != fmt.Sprintf("%d-06-30", y) {
			t.fail("reference_date", "%q: a mid-year estimate is for 30 June of its year (%d-06-30)", d, y)
		}
		n := t.count("population")
		k := fmt.Sprintf("%s %d", code, y)
		if first, dup := seen[k]; dup {
			t.fail("year", "duplicate row: %s already has an estimate for %d on line %d", code, y, first)
		}
		seen[k] = t.line()
		years[y] = true
		out = append(out, PopulationEstimate{LTLA: code, Year: y, Population: n})
		if rep.Rows%1000 == 0 {
			progress(file, rep.Rows, 0)
		}
	}
	if err := t.errs.err(); err != nil {
		return nil, rep, err
	}
	if len(out) == 0 {
		return nil, rep, &Error{File: file, Msg: fmt.Sprintf("no English rows found (%d rows read)", rep.Rows)}
	}
	for y := range years {
		rep.Years = append(rep.Years, y)
	}
	slices.Sort(rep.Years)
	return out, rep, nil
}
