package source

import (
	"fmt"
	"io"

	"github.com/mhatlas/mhatlas/internal/workforce"
)

// PageMeasure says how one measure of a "from pages" file is stored: in
// which dataset, for which care need, sector and role, as which measure.
type PageMeasure struct {
	Dataset  string
	CareNeed workforce.CareNeed
	Sector   string
	Role     string
	Measure  workforce.Measure
}

// PagesSpec describes how to load one "from pages" file (figures typed in
// from published web pages, columns area_code, area_name, area_type,
// period, measure, value, unit, source_url). Every measure in the file must
// be either mapped or skipped with a reason, so nothing is dropped
// silently.
type PagesSpec struct {
	Measures map[string]PageMeasure
	// Skip gives, for each measure not loaded, the reason.
	Skip map[string]string
	// Periods renames periods that are not financial years.
	Periods map[string]string
}

// PagesReport says what was loaded from a "from pages" file and what not.
type PagesReport struct {
	File   string
	Rows   int
	Loaded int
	// NotLoaded lists each row not loaded, with its line and the reason:
	// skipped measures in file order, then vacancies without filled posts.
	NotLoaded []string
}

// ReadFromPages converts a "from pages" file into records, grouped by the
// dataset the spec files them under. Each record keeps its source page as
// Ref. A vacancy count without the filled posts of the same key is not
// loaded (the atlas's rule: no vacancy rate can be computed from it) and
// is reported.
func ReadFromPages(r io.Reader, file string, spec PagesSpec, areas *WorkforceAreas) (map[string][]workforce.Record, PagesReport, error) {
	rep := PagesReport{File: file}
	t, err := newTable(r, file, "area_code", "period", "measure", "value", "source_url")
	if err != nil {
		return nil, rep, err
	}
	var recs []workforce.Record
	var datasets []string
	for t.next() {
		rep.Rows++
		m := t.required("measure")
		pm, ok := spec.Measures[m]
		if !ok {
			if why, skip := spec.Skip[m]; skip {
				rep.NotLoaded = append(rep.NotLoaded, fmt.Sprintf("line %d: %s not loaded: %s", t.line(), m, why))
			} else {
				t.fail("measure", "measure %q is neither mapped nor skipped: say how to load it", m)
			}
			continue
		}
		rec := workforce.Record{File: file, Line: t.line(), CareNeed: pm.CareNeed, Sector: pm.Sector, Role: pm.Role,
			Measure: pm.Measure, Ref: t.get("source_url")}
		if typ, code, err := areas.Resolve(t.required("area_code")); err != nil {
			t.fail("area_code", "%v", err)
		} else {
			rec.AreaType, rec.AreaCode = typ, code
		}
		rec.Period = t.required("period")
		if p, ok := spec.Periods[rec.Period]; ok {
			rec.Period = p
		}
		if !workforce.IsFinancialYear(rec.Period) {
			t.fail("period", "%q is not a financial year and the spec does not rename it", rec.Period)
		}
		v, err := parseFloat(t.required("value"))
		if err != nil {
			t.fail("value", "%q is not a number", t.get("value"))
		}
		rec.Value = &v
		recs = append(recs, rec)
		datasets = append(datasets, pm.Dataset)
	}
	if err := t.errs.err(); err != nil {
		return nil, rep, err
	}
	out := map[string][]workforce.Record{}
	for i, rec := range recs {
		if rec.Measure == workforce.Vacancies && !wfHasFilledPosts(recs, rec) {
			rep.NotLoaded = append(rep.NotLoaded, fmt.Sprintf("line %d: vacancies %g for %s %s not loaded: no filled posts for the same care need, sector and role, so no vacancy rate can be computed from it",
				rec.Line, *rec.Value, rec.AreaCode, rec.Period))
			continue
		}
		out[datasets[i]] = append(out[datasets[i]], rec)
		rep.Loaded++
	}
	return out, rep, nil
}

func wfHasFilledPosts(recs []workforce.Record, v workforce.Record) bool {
	for _, r := range recs {
		if r.Measure == workforce.FilledPosts && r.AreaType == v.AreaType && r.AreaCode == v.AreaCode && r.Period == v.Period &&
			r.CareNeed == v.CareNeed && r.Sector == v.Sector && r.Role == v.Role {
			return true
		}
	}
	return false
}
