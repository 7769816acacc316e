package source

import (
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// The fixture's numbers are made up (see testdata/README.md); the checks
// below are worked from its rows by hand.
func TestReadFingertipsMadeUp(t *testing.T) {
	p, err := ReadFingertips(open(t, "fingertips_madeup.csv"), "ft.csv", lookup(), NoProgress)
	if err != nil {
		t.Fatal(err)
	}
	if p.Report.Rows != 14 || len(p.Indicators) != 3 {
		t.Fatalf("%d rows, %d indicators; want 14, 3", p.Report.Rows, len(p.Indicators))
	}
	// 90813's name does not say its unit, but every row's counts do:
	// England 44,000 / 10,000,000 x 100,000 = 440.0, the published value.
	sh := find(t, p, "fingertips-90813-persons-10-24-yrs")
	if sh.ValueType != indicator.RatePer100k || sh.Unit != "per 100,000" || !sh.HasCounts {
		t.Errorf("90813 = %s %q counts=%v", sh.ValueType, sh.Unit, sh.HasCounts)
	}
	if got := strings.Join(sh.Periods, ","); got != "2018/19,2019/20" {
		t.Errorf("periods = %s", got)
	}
	if len(sh.AreaTypes) != 4 || sh.AreaTypes[0] != area.England || sh.AreaTypes[3] != area.LTLA {
		t.Errorf("area types = %v", sh.AreaTypes)
	}
	// Shropshire 2019/20: 200 / 50,000 x 100,000 = 400.0; listed twice (two
	// parents) and kept once as a county/UA, once as a district/UA.
	shrop := value(t, sh, area.UTLA, "E06000051", "2019/20")
	if !near(shrop.Value, 400) || shrop.Numerator != 200 || shrop.Denominator != 50000 {
		t.Errorf("Shropshire = %+v", shrop)
	}
	if v := value(t, sh, area.LTLA, "E06000051", "2019/20"); !near(v.Value, 400) {
		t.Errorf("Shropshire as district = %v", v.Value)
	}
	// Telford's suppressed figure is missing, never 0.
	if v := value(t, sh, area.UTLA, "E06000020", "2019/20"); v.Value != nil {
		t.Errorf("Telford = %v, want missing", *v.Value)
	}
	// England, North West, Shropshire x2 (2019/20) + 2018/19, Telford.
	if len(sh.Values) != 6 {
		t.Errorf("%d values, want 6", len(sh.Values))
	}
	lonely := find(t, p, "fingertips-93000-persons-16-plus-yrs")
	if lonely.ValueType != indicator.Percentage || lonely.HasCounts || !near(value(t, lonely, area.UTLA, "E06000051", "2021/22").Value, 6.0) {
		t.Errorf("93000 = %+v", lonely)
	}
	if f := find(t, p, "fingertips-93000-female-16-plus-yrs"); f.Name != "Proportion of adults who feel lonely often or always (made-up example) (Female, 16+ yrs)" {
		t.Errorf("female name = %q", f.Name)
	}
	ws := p.Report.Warnings
	wantWarning(t, ws, "ft.csv: line 8", "E10000006", "Cumbria", "older geography")
	wantWarning(t, ws, "1 rows broken down by a category")
	wantWarning(t, ws, "1 rows for areas outside England")
	wantWarning(t, ws, "1 rows repeat a figure")
	wantWarning(t, ws, "indicator 99999", "per 1,000", "not imported")
}

func TestReadFingertipsBadInput(t *testing.T) {
	const head = "Indicator ID,Indicator Name,Area Code,Area Name,Area Type,Sex,Age,Time period,Value,Count,Denominator\n"
	cases := []struct{ name, body, want string }{
		{"missing column", "Indicator ID,Indicator Name,Area Code,Value\n1,x,E06000051,5\n", `ft.csv: line 1: missing column "Time period"`},
		{"not a number", head + `90813,"Self-harm admissions per 100,000",E06000051,Shropshire,Counties & UAs,Persons,10-24 yrs,2019/20,4o0,,` + "\n",
			`ft.csv: line 2, column 9 (Value): "4o0" is not a number`},
		{"repeat differs", head + `90813,"Self-harm admissions per 100,000",E06000051,Shropshire,Counties & UAs,Persons,10-24 yrs,2019/20,400,,` + "\n" +
			`90813,"Self-harm admissions per 100,000",E06000051,Shropshire,Counties & UAs,Persons,10-24 yrs,2019/20,401,,` + "\n",
			"ft.csv: line 3, column 9 (Value): 90813 E06000051 2019/20 has a different figure on line 2"},
		{"no area code", head + `90813,"Self-harm admissions per 100,000",,Shropshire,Counties & UAs,Persons,10-24 yrs,2019/20,400,,` + "\n",
			"ft.csv: line 2, column 3 (Area Code): a value is required"},
		{"nothing importable", head + `90813,"Self-harm admissions per 100,000",E10000006,Cumbria,Counties & UAs,Persons,10-24 yrs,2019/20,400,,` + "\n",
			"ft.csv: no indicator could be imported (1 rows read)"},
		{"percentage above 100", head + `1,Share of adults (%),E06000051,Shropshire,Counties & UAs,Persons,18+ yrs,2019/20,140,,` + "\n",
			"outside 0 to 100"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadFingertips(strings.NewReader(c.body), "ft.csv", lookup(), NoProgress)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want %q", err, c.want)
			}
		})
	}
}

// Real ASCOF rows (see testdata/README.md): Hartlepool 2020-21 1F 15% and
// 1H 85%; 2018-19 1F Total 13.0% (the Male row is left out); Rutland's 1F
// suppressed ([c]); Cumbria's old county code reported, not guessed.
func TestReadASCOFExcerpt(t *testing.T) {
	lk := func(code string) []area.Type {
		if code == "E06000017" {
			return []area.Type{area.UTLA, area.LTLA}
		}
		if code == "E12000001" {
			return []area.Type{area.Region}
		}
		return lookup()(code)
	}
	p, err := ReadASCOF(open(t, "ascof_excerpt.csv"), "ascof.csv", lk, NoProgress)
	if err != nil {
		t.Fatal(err)
	}
	work, indep := find(t, p, "ascof-1f-mh-paid-work"), find(t, p, "ascof-1h-mh-living-independently")
	if got := strings.Join(work.Periods, ","); got != "2018/19,2020/21" {
		t.Errorf("1F periods = %s", got)
	}
	checks := []struct {
		pi     PublishedIndicator
		typ    area.Type
		code   string
		period string
		want   float64
	}{
		{work, area.UTLA, "E06000001", "2020/21", 15}, {work, area.UTLA, "E06000001", "2018/19", 13},
		{work, area.Region, "E12000001", "2020/21", 11}, {work, area.England, "E92000001", "2020/21", 9},
		{indep, area.UTLA, "E06000001", "2020/21", 85}, {indep, area.UTLA, "E06000017", "2020/21", 34},
		{indep, area.England, "E92000001", "2020/21", 58},
	}
	for _, c := range checks {
		if v := value(t, c.pi, c.typ, c.code, c.period); !near(v.Value, c.want) {
			t.Errorf("%s %s %s = %v, want %v", c.pi.ID, c.code, c.period, v.Value, c.want)
		}
	}
	if v := value(t, work, area.UTLA, "E06000017", "2020/21"); v.Value != nil {
		t.Errorf("Rutland 1F = %v, want missing", *v.Value)
	}
	if len(work.Values) != 5 || len(indep.Values) != 3 {
		t.Errorf("%d and %d values, want 5 and 3", len(work.Values), len(indep.Values))
	}
	wantWarning(t, p.Report.Warnings, "ascof.csv: line 4", "E10000006", "Cumbria", "not imported")
	wantWarning(t, p.Report.Warnings, "1 rows for men or women")
	wantWarning(t, p.Report.Warnings, "1 rows for council types")
}

func TestReadASCOFBadInput(t *testing.T) {
	const head = "financial_year,geography_level,ons_code,area_name,ascof_measure_code,disaggregation,outcome_percent\n"
	cases := []struct{ name, body, want string }{
		{"missing column", "financial_year,geography_level,ons_code,ascof_measure_code,disaggregation\n", `ascof.csv: line 1: missing column "outcome_percent"`},
		{"bad year", head + "2020,Council,E06000001,Hartlepool,1F,Total,15\n", `line 2, column 1 (financial_year): "2020" is not a financial year`},
		{"bad level", head + "2020-21,County,E06000001,Hartlepool,1F,Total,15\n", `line 2, column 2 (geography_level): unknown geography level "County"`},
		{"not a percentage", head + "2020-21,Council,E06000001,Hartlepool,1F,Total,150\n", "line 2, column 7 (outcome_percent): 150 is not a percentage"},
		{"not a number", head + "2020-21,Council,E06000001,Hartlepool,1F,Total,1S\n", `line 2, column 7 (outcome_percent): "1S" is not a number`},
		{"duplicate", head + "2020-21,Council,E06000001,Hartlepool,1F,Total,15\n2020-21,Council,E06000001,Hartlepool,1F,Total,16\n",
			"line 3, column 3 (ons_code): duplicate row: 1F 2020-21 for E06000001 is already on line 2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadASCOF(strings.NewReader(c.body), "ascof.csv", lookup(), NoProgress)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want %q", err, c.want)
			}
		})
	}
}
