package source

import (
	"fmt"
	"io"
	"time"

	"github.com/mhatlas/mhatlas/internal/geo"
)

// NHSFTE is one row of NHS Digital's HCHS workforce file: the full-time
// equivalent staff of one organisation in one staff group on one date.
type NHSFTE struct {
	Period     string // the snapshot date, "2017-09-30"
	OrgCode    string // ODS code of the trust
	OrgName    string
	StaffGroup string // as published, e.g. "Nurses & health visitors"
	FTE        float64
	Line       int
	// Columns gives the 1-based column of org_code and staff_group, for
	// errors found after reading (an unplaced trust, an unknown group).
	Columns map[string]int
}

// NHSFTEReport says what the NHS workforce file held.
type NHSFTEReport struct {
	File string
	Rows int
	// MentalHealthRows are the rows of the trusts flagged as mental health
	// trusts (is_mental_health_trust_2022 = Y), the only ones returned.
	MentalHealthRows int
}

// ReadNHSFTE reads the staged NHS Digital file "HCHS staff by staff group
// and organisation, full time equivalent" (columns period_end, org_code,
// org_name, is_mental_health_trust_2022, staff_group, fte; see
// data/workforce/PROVENANCE.md) and returns the rows of mental health
// trusts. Every row is checked: a date, a flag of Y, N or blank, a staff
// group, an FTE that is a non-negative number, and one row per date,
// organisation and staff group.
func ReadNHSFTE(r io.Reader, file string, progress Progress) ([]NHSFTE, NHSFTEReport, error) {
	rep := NHSFTEReport{File: file}
	t, err := newTable(r, file, "period_end", "org_code", "org_name", "is_mental_health_trust_2022", "staff_group", "fte")
	if err != nil {
		return nil, rep, err
	}
	var out []NHSFTE
	seen := map[[3]string]int{}
	cols := map[string]int{"org_code": t.index["org_code"] + 1, "staff_group": t.index["staff_group"] + 1}
	for t.next() {
		rep.Rows++
		if rep.Rows%2000 == 0 {
			progress(file, rep.Rows, 0)
		}
		period, org, group := t.required("period_end"), t.required("org_code"), t.required("staff_group")
		if _, err := time.Parse("2006-01-02", period); period != "" && err != nil {
			t.fail("period_end", "%q is not a date like 2017-09-30", period)
		}
		flag := t.get("is_mental_health_trust_2022")
		if flag != "Y" && flag != "N" && flag != "" {
			t.fail("is_mental_health_trust_2022", "%q must be Y, N or empty", flag)
		}
		fte := t.number("fte")
		if fte < 0 {
			t.fail("fte", "%g is negative: full-time equivalents cannot be", fte)
		}
		k := [3]string{period, org, group}
		if first, dup := seen[k]; dup {
			t.fail("staff_group", "duplicate row: %s %s %q is already on line %d", period, org, group, first)
		}
		seen[k] = t.line()
		if flag != "Y" {
			continue
		}
		rep.MentalHealthRows++
		out = append(out, NHSFTE{Period: period, OrgCode: org, OrgName: t.get("org_name"), StaffGroup: group, FTE: fte, Line: t.line(), Columns: cols})
	}
	if err := t.errs.err(); err != nil {
		return nil, rep, err
	}
	if len(out) == 0 {
		return nil, rep, &Error{File: file, Msg: fmt.Sprintf("no rows for mental health trusts (is_mental_health_trust_2022 = Y) in %d rows", rep.Rows)}
	}
	return out, rep, nil
}

// TrustPlace is where an NHS trust is: the NHS England region it belongs
// to and the point of its headquarters.
type TrustPlace struct {
	Code, Name string
	// RegionODS is the ODS code of its NHS England region (Y56-Y63).
	RegionODS    string
	MentalHealth bool
	// HQ is the headquarters, geocoded from its postcode.
	HQ   geo.Point
	Line int
}

// ReadTrustPlaces reads the NHS trust list (nhs_trusts_england_2022.csv:
// trust_code, trust_name, nhse_region_code, is_mental_health_trust,
// longitude, latitude) for the region and headquarters of every trust.
// Region codes are checked when a trust is placed: the list also has
// Welsh trusts (W00), which no English figure uses.
func ReadTrustPlaces(r io.Reader, file string) (map[string]TrustPlace, error) {
	t, err := newTable(r, file, "trust_code", "trust_name", "nhse_region_code", "is_mental_health_trust", "longitude", "latitude")
	if err != nil {
		return nil, err
	}
	out := map[string]TrustPlace{}
	for t.next() {
		p := TrustPlace{Code: t.required("trust_code"), Name: t.get("trust_name"), RegionODS: t.get("nhse_region_code"),
			MentalHealth: t.get("is_mental_health_trust") == "Y", Line: t.line()}
		p.HQ.Lon, p.HQ.Lat = t.coordinate("longitude", -7, 2), t.coordinate("latitude", 49, 56)
		if prev, dup := out[p.Code]; dup && p.Code != "" {
			t.fail("trust_code", "duplicate trust %s (first on line %d)", p.Code, prev.Line)
		}
		out[p.Code] = p
	}
	return out, t.errs.err()
}

// coordinate parses a longitude or latitude, which must lie in England's
// bounding box (lo to hi degrees). Empty gives 0: no point.
func (t *table) coordinate(name string, lo, hi float64) float64 {
	v := t.get(name)
	if v == "" {
		return 0
	}
	f, err := parseFloat(v)
	if err != nil || f < lo || f > hi {
		t.fail(name, "%q is not a %s in England (between %g and %g)", v, name, lo, hi)
	}
	return f
}
