package source

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/mhatlas/mhatlas/internal/workforce"
)

// WorkforceTemplateColumns are the columns of mhatlas's own workforce
// template, in the documented order. area_name, sector, role and source may
// be left out; sector and role then mean all sectors and all roles.
var WorkforceTemplateColumns = []string{"area_code", "area_name", "period", "care_need", "sector", "role", "measure", "value", "source"}

// WorkforceReport says what a workforce file held.
type WorkforceReport struct {
	File       string
	Rows       int
	Suppressed int
	Periods    []string
	// Warnings are things worth knowing that did not stop the import.
	Warnings []string
}

// wfSuppressed are the values that mean a figure was withheld.
var wfSuppressed = map[string]bool{"": true, "*": true, "[c]": true, "[x]": true, "..": true}

// ReadWorkforceTemplate reads a workforce file in mhatlas's long CSV
// template: one figure per row, columns found by name. An area is a GSS
// code the atlas knows or a name matching exactly one area; a period is a
// financial year like 2023/24; a role is an id or name of the taxonomy;
// "*" or an empty value is suppressed. Semantic checks (negative counts,
// duplicates, vacancies without filled posts) are the import's: see
// workforce.Check.
func ReadWorkforceTemplate(r io.Reader, file string, areas *WorkforceAreas, tax *workforce.Taxonomy, progress Progress) ([]workforce.Record, WorkforceReport, error) {
	rep := WorkforceReport{File: file}
	t, err := newTable(r, file, "area_code", "period", "care_need", "measure", "value")
	if err != nil {
		return nil, rep, err
	}
	cols := map[string]int{}
	for name, i := range t.index {
		cols[name] = i + 1
	}
	for _, h := range t.header {
		if !slices.Contains(WorkforceTemplateColumns, h) {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s: column %q is not part of the template and was ignored", file, h))
		}
	}
	periods := map[string]bool{}
	var out []workforce.Record
	for t.next() {
		rep.Rows++
		rec, ok := wfTemplateRow(t, areas, tax)
		if !ok {
			continue
		}
		rec.Columns = cols
		if rec.Value == nil {
			rep.Suppressed++
		}
		periods[rec.Period] = true
		out = append(out, rec)
		if rep.Rows%2000 == 0 {
			progress(file, rep.Rows, 0)
		}
	}
	if err := t.errs.err(); err != nil {
		return nil, rep, err
	}
	if len(out) == 0 {
		return nil, rep, &Error{File: file, Msg: "no figures found: the file has a header but no rows"}
	}
	rep.Warnings = append(rep.Warnings, rateScaleWarnings(file, out)...)
	for p := range periods {
		rep.Periods = append(rep.Periods, p)
	}
	sort.Strings(rep.Periods)
	return out, rep, nil
}

func wfTemplateRow(t *table, areas *WorkforceAreas, tax *workforce.Taxonomy) (workforce.Record, bool) {
	n := len(t.errs)
	rec := workforce.Record{File: t.file, Line: t.line(), Ref: t.get("source"), Sector: workforce.AllSectors, Role: workforce.AllRoles}
	where, col := t.get("area_code"), "area_code"
	if where == "" {
		where, col = t.get("area_name"), "area_name"
	}
	if where == "" {
		t.fail("area_code", "give the area's GSS code (or its name in area_name)")
	} else if typ, code, err := areas.Resolve(where); err != nil {
		t.fail(col, "%v", err)
	} else {
		rec.AreaType, rec.AreaCode = typ, code
	}
	if p := t.required("period"); p != "" && !workforce.IsFinancialYear(p) {
		t.fail("period", "%q is not a financial year: write it like 2023/24", p)
	} else {
		rec.Period = p
	}
	if c := t.required("care_need"); c != "" {
		cn, err := workforce.ParseCareNeed(c)
		if err != nil {
			t.fail("care_need", "%v", err)
		}
		rec.CareNeed = cn
	}
	if s := t.get("sector"); s != "" {
		if _, err := workforce.ParseSector(s); err != nil {
			t.fail("sector", "%v", err)
		}
		rec.Sector = s
	}
	if ro := t.get("role"); ro != "" {
		id, ok := tax.Lookup(ro)
		if !ok {
			t.fail("role", "unknown job role %q: use an id or name from the role taxonomy (data/workforce/roles.csv), or add it there and re-import it", ro)
		}
		rec.Role = id
	}
	if m := t.required("measure"); m != "" {
		if _, err := workforce.ParseMeasure(m); err != nil {
			t.fail("measure", "%v", err)
		}
		rec.Measure = workforce.Measure(m)
	}
	rec.Value = wfTemplateValue(t)
	return rec, len(t.errs) == n
}

// wfTemplateValue parses the value column: a suppression marker is nil; a
// number may have thousands separators. A percentage sign is refused so
// that nobody wonders whether 0.25 meant 25%.
func wfTemplateValue(t *table) *float64 {
	v := t.get("value")
	if wfSuppressed[v] {
		return nil
	}
	if strings.HasSuffix(v, "%") {
		t.fail("value", "%q: write rates as a plain number of per cent (27.8 for 27.8%%)", v)
		return nil
	}
	f, err := parseFloat(strings.ReplaceAll(v, ",", ""))
	if err != nil {
		t.fail("value", "%q is not a number (use * for a suppressed figure)", v)
		return nil
	}
	return &f
}
