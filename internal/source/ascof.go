package source

import (
	"fmt"
	"io"
	"regexp"
	"slices"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// ASCOFMeasure is an ASCOF measure the atlas imports, with its stable id.
type ASCOFMeasure struct {
	Code, ID, Name string
}

// ASCOFMeasures are the two ASCOF measures about people in contact with
// secondary mental health services.
var ASCOFMeasures = []ASCOFMeasure{
	{"1F", "ascof-1f-mh-paid-work", "Adults in contact with secondary mental health services in paid employment"},
	{"1H", "ascof-1h-mh-living-independently", "Adults in contact with secondary mental health services living independently"},
}

var financialYear = regexp.MustCompile(`^(\d{4})[-/](\d{2})$`)

// ReadASCOF reads the staged ASCOF file (financial_year, geography_level,
// ons_code, area_name, ascof_measure_code, disaggregation,
// outcome_percent, numerator, denominator; see
// data/workforce/PROVENANCE.md). Council rows are upper-tier local
// authorities; Region and England rows are kept as published. Only the
// Total disaggregation is imported. A suppressed value ("[c]") is missing,
// never zero. Council codes the atlas does not know (councils merged or
// abolished since, such as Cumbria E10000006) are reported, not guessed.
func ReadASCOF(r io.Reader, file string, areas AreaLookup, progress Progress) (*Published, error) {
	t, err := newTable(r, file, "financial_year", "geography_level", "ons_code", "ascof_measure_code", "disaggregation", "outcome_percent")
	if err != nil {
		return nil, err
	}
	out := &Published{Report: PublishedReport{File: file}}
	var warn warnings
	inds := map[string]*PublishedIndicator{}
	periods := map[string]periodOrder{}
	seen := map[[4]string]int{}
	skippedSex, skippedTypes := 0, 0
	for t.next() {
		out.Report.Rows++
		year, level, code := t.required("financial_year"), t.required("geography_level"), t.get("ons_code")
		mcode, dis := t.required("ascof_measure_code"), t.required("disaggregation")
		m := slices.IndexFunc(ASCOFMeasures, func(m ASCOFMeasure) bool { return m.Code == mcode })
		switch {
		case dis != "Total":
			skippedSex++
			continue
		case level == "Council Type":
			skippedTypes++
			continue
		case m < 0:
			warn.add(fmt.Sprintf("ASCOF measure %q is not one the atlas imports (1F, 1H): not imported", mcode), t.line())
			continue
		}
		fy := financialYear.FindStringSubmatch(year)
		if fy == nil {
			t.fail("financial_year", "%q is not a financial year such as 2020-21", year)
			continue
		}
		period := fy[1] + "/" + fy[2]
		typ, ok := ascofType(t, level, code, areas, &warn)
		if !ok {
			continue
		}
		k := [4]string{mcode, period, string(typ), code}
		if first, dup := seen[k]; dup {
			t.fail("ons_code", "duplicate row: %s %s for %s is already on line %d", mcode, year, code, first)
			continue
		}
		seen[k] = t.line()
		v := indicator.Value{AreaType: typ, AreaCode: code, AreaName: t.get("area_name"), Period: period}
		v.Value = t.optionalNumber("outcome_percent")
		if v.Value != nil && (*v.Value < 0 || *v.Value > 100) {
			t.fail("outcome_percent", "%v is not a percentage", *v.Value)
		}
		num, den := t.optionalNumber("numerator"), t.optionalNumber("denominator")
		ms := ASCOFMeasures[m]
		pi := inds[ms.ID]
		if pi == nil {
			pi = &PublishedIndicator{ID: ms.ID, SourceID: ms.Code, Name: ms.Name, Unit: "%", ValueType: indicator.Percentage}
			inds[ms.ID], periods[ms.ID] = pi, periodOrder{}
		}
		if num != nil && den != nil && *den > 0 {
			v.Numerator, v.Denominator, pi.HasCounts = *num, *den, true
		}
		periods[ms.ID][period] = ""
		pi.Values = append(pi.Values, v)
		if out.Report.Rows%1000 == 0 {
			progress(file, out.Report.Rows, 0)
		}
	}
	if err := t.errs.err(); err != nil {
		return nil, err
	}
	if skippedSex > 0 {
		warn.add(fmt.Sprintf("%d rows for men or women separately were not imported: the atlas shows the Total", skippedSex), 0)
	}
	if skippedTypes > 0 {
		warn.add(fmt.Sprintf("%d rows for council types (such as shire counties) were not imported: they are not areas on the map", skippedTypes), 0)
	}
	for _, ms := range ASCOFMeasures {
		if pi := inds[ms.ID]; pi != nil {
			pi.Periods, pi.AreaTypes = periods[ms.ID].sorted(), typesOf(pi.Values)
			out.Indicators = append(out.Indicators, *pi)
		}
	}
	out.Report.Warnings = warn.list(file)
	if len(out.Indicators) == 0 {
		return nil, &Error{File: file, Msg: fmt.Sprintf("no ASCOF 1F or 1H rows found (%d rows read)", out.Report.Rows)}
	}
	return out, nil
}

// ascofType places a row by its geography level, reporting codes that are
// not areas of that level today.
func ascofType(t *table, level, code string, areas AreaLookup, warn *warnings) (area.Type, bool) {
	want := map[string]area.Type{"Council": area.UTLA, "Region": area.Region, "England": area.England}[level]
	if want == "" {
		t.fail("geography_level", "unknown geography level %q: use Council, Region, England or Council Type", level)
		return "", false
	}
	if code == "" {
		t.fail("ons_code", "a value is required")
		return "", false
	}
	if !slices.Contains(areas(code), want) {
		warn.add(fmt.Sprintf("%s %s (%s) is not a %s the atlas knows (councils merged or abolished since): not imported",
			level, code, t.get("area_name"), want.Info().Name), t.line())
		return "", false
	}
	return want, true
}
