package source

import (
	"bytes"
	"encoding/csv"
	"math"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/workforce"
	"github.com/xuri/excelize/v2"
)

// madeUpSheet is a Skills for Care "LA level data" sheet in the layout of
// SKILLS_FOR_CARE_LAYOUT.md with MADE-UP NUMBERS: no real copy of the
// workbook exists offline. Columns are in an unusual order on purpose (the
// importer finds them by name), a title row sits above the header, the
// vacancy and zero-hours rates are proportions and the turnover rate is in
// per cent.
var madeUpSheet = [][]string{
	{"Made-up figures for tests: not Skills for Care data"},
	{"Job role", "CSSR (LA area)", "Sector", "Service", "Vacancy rate", "Turnover rate", "Zero Hour Contracts - Yes",
		"Sickness - Mean (divide by Employees)", "Filled posts", "Mystery column"},
	{"Job role group - Direct care", "Shropshire", "All sectors", "All services", "0.08", "30.5", "0.25", "5.1", "4000", "x"},
	{"Individual role - Care worker", "Shropshire", "All sectors", "All services", "*", "33", "0.3", "4.8", "2500", ""},
	{"All job roles", "Telford & Wrekin", "Local authority", "All services", "0.05", "12", "0", "6.0", "600", ""},
	{"All job roles", "Cornwall and Isles of Scilly", "All sectors", "All services", "0.1", "25", "0.2", "5", "10000", ""},
	{"All job roles", "Shropshire", "All sectors", "Domiciliary care", "0.12", "35", "0.5", "5", "1200", ""},
	{"Individual role - Registered nurse", "Stockton on Tees", "Independent", "All services", "0.11", "28", "*", "4", "*", ""},
	{"Individual role - Dragon keeper", "Durham", "All sectors", "All services", "0.1", "20", "0.1", "3", "10", ""},
	{"All job roles", "England", "All sectors", "All services", "0.099", "28.3", "0.24", "5.2", "1500000", ""},
}

func sfcOptions() SFCOptions {
	areas := []area.Area{
		{Type: area.UTLA, Code: "E06000051", Name: "Shropshire", Population: 323590},
		{Type: area.UTLA, Code: "E06000020", Name: "Telford and Wrekin", Population: 185572},
		{Type: area.UTLA, Code: "E06000052", Name: "Cornwall", Population: 570288},
		{Type: area.UTLA, Code: "E06000053", Name: "Isles of Scilly", Population: 2055},
		{Type: area.UTLA, Code: "E06000004", Name: "Stockton-on-Tees", Population: 196604},
		{Type: area.UTLA, Code: "E06000047", Name: "County Durham", Population: 522068},
		{Type: area.England, Code: "E92000001", Name: "England", Population: 56490108},
	}
	roles := map[string]string{"direct care": "direct-care", "care worker": "care-worker", "registered nurse": "registered-nurse", "all job roles": "all"}
	return SFCOptions{Period: "2023/24", Areas: areas, Role: func(l string) (string, bool) {
		id, ok := roles[strings.ToLower(l)]
		return id, ok
	}}
}

// xlsxOf writes rows to the "LA level data" sheet of a new workbook.
func xlsxOf(t *testing.T, rows [][]string) *bytes.Buffer {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SFCSheet); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			var err error
			if n, perr := parseNumber(v); perr == nil && v != "" {
				err = f.SetCellFloat(SFCSheet, cell, n, -1, 64) // numbers as numbers, as in the real workbook
			} else {
				err = f.SetCellStr(SFCSheet, cell, v)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	f.NewSheet("Notes")
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf
}

func csvOf(rows [][]string) *strings.Reader {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	return strings.NewReader(b.String())
}

func rec(t *testing.T, rs []workforce.Record, code, role string, m workforce.Measure) workforce.Record {
	t.Helper()
	for _, r := range rs {
		if r.AreaCode == code && r.Role == role && r.Measure == m {
			return r
		}
	}
	t.Fatalf("no record %s %s %s", code, role, m)
	return workforce.Record{}
}

func TestReadSFCWorkbookAndCSV(t *testing.T) {
	for _, c := range []struct {
		file string
		open func() any
	}{{"sfc.xlsx", func() any { return xlsxOf(t, madeUpSheet) }}, {"sfc.csv", func() any { return csvOf(madeUpSheet) }}} {
		t.Run(c.file, func(t *testing.T) {
			var rs []workforce.Record
			var rep SFCReport
			var err error
			switch r := c.open().(type) {
			case *bytes.Buffer:
				rs, rep, err = ReadSFC(r, c.file, sfcOptions(), NoProgress)
			case *strings.Reader:
				rs, rep, err = ReadSFC(r, c.file, sfcOptions(), NoProgress)
			}
			if err != nil {
				t.Fatal(err)
			}
			checkMadeUpSheet(t, rs, rep)
		})
	}
}

// checkMadeUpSheet checks figures worked out by hand from madeUpSheet.
func checkMadeUpSheet(t *testing.T, rs []workforce.Record, rep SFCReport) {
	t.Helper()
	// Vacancy and zero-hours columns hold proportions (all <= 1): 0.08
	// becomes 8 per cent. Turnover holds percentages (33 > 1): kept.
	want := map[string]string{"Vacancy rate": "proportions", "Turnover rate": "percentages", "Zero Hour Contracts - Yes": "proportions"}
	for _, s := range rep.Scales {
		name := s[:strings.Index(s, ":")]
		if !strings.Contains(s, want[name]) {
			t.Errorf("scale %q, want %s", s, want[name])
		}
	}
	check := func(r workforce.Record, v float64) {
		t.Helper()
		if r.Value == nil || math.Abs(*r.Value-v) > 1e-9 {
			t.Errorf("%s %s %s = %v, want %v", r.AreaCode, r.Role, r.Measure, r.Value, v)
		}
	}
	check(rec(t, rs, "E06000051", "direct-care", workforce.VacancyRatePublished), 8)
	check(rec(t, rs, "E06000051", "direct-care", workforce.TurnoverRatePublished), 30.5)
	check(rec(t, rs, "E06000051", "direct-care", workforce.ZeroHoursSharePublished), 25)
	check(rec(t, rs, "E06000051", "direct-care", workforce.FilledPosts), 4000)
	// "*" is suppressed: missing, never 0.
	if r := rec(t, rs, "E06000051", "care-worker", workforce.VacancyRatePublished); r.Value != nil {
		t.Errorf("suppressed vacancy rate = %v", *r.Value)
	}
	// "Telford & Wrekin" and "Stockton on Tees" are Skills for Care
	// spellings of ONS's "Telford and Wrekin" and "Stockton-on-Tees".
	tw := rec(t, rs, "E06000020", "all", workforce.VacancyRatePublished)
	check(tw, 5)
	if tw.Sector != workforce.SectorLocalAuthority || tw.CareNeed != workforce.AllCareNeeds || tw.Period != "2023/24" || tw.AreaType != area.UTLA {
		t.Errorf("Telford record = %+v", tw)
	}
	check(rec(t, rs, "E06000004", "registered-nurse", workforce.TurnoverRatePublished), 28)
	// Cornwall and Isles of Scilly, 10,000 filled posts, split by Census
	// 2021 population (570,288 and 2,055 of 572,343): 10,000 x 570,288 /
	// 572,343 = 9,964.09 and 10,000 x 2,055 / 572,343 = 35.905; the 10%
	// vacancy rate applies to both.
	check(rec(t, rs, "E06000052", "all", workforce.FilledPosts), 10000*570288.0/572343)
	check(rec(t, rs, "E06000053", "all", workforce.FilledPosts), 10000*2055.0/572343)
	check(rec(t, rs, "E06000053", "all", workforce.VacancyRatePublished), 10)
	check(rec(t, rs, "E92000001", "all", workforce.VacancyRatePublished), 9.9)
	// 8 data rows; the Domiciliary care and Dragon keeper rows are
	// skipped. The other 6 give 7 areas (Cornwall's row gives two) x 4
	// measure cells, none blank ("*" cells give a missing value): 28.
	if rep.Rows != 8 || len(rs) != 28 {
		t.Errorf("%d rows, %d records; want 8, 28", rep.Rows, len(rs))
	}
	for _, part := range [][]string{
		{`column 10 "Mystery column" is not a column the atlas understands`},
		{`column 8 "Sickness - Mean (divide by Employees)" is not imported`, "no sickness measure"},
		{"line 7", `"Domiciliary care"`, "no service-type breakdown"},
		{"line 9", `job role "Dragon keeper" is not in the role taxonomy`},
	} {
		wantWarning(t, rep.Warnings, part...)
	}
}

func TestReadSFCBadInput(t *testing.T) {
	with := func(row int, col int, v string) [][]string {
		out := make([][]string, len(madeUpSheet))
		for i, r := range madeUpSheet {
			out[i] = append([]string(nil), r...)
		}
		out[row][col] = v
		return out
	}
	noRole := make([][]string, len(madeUpSheet))
	for i, r := range madeUpSheet {
		noRole[i] = r
		if len(r) > 1 {
			noRole[i] = r[1:] // drops "Job role"
		}
	}
	cases := []struct {
		name string
		rows [][]string
		want string
	}{
		{"missing column", noRole, `sfc.xlsx [LA level data]: line 2: missing column "Job role"`},
		{"unknown authority", with(4, 1, "Telford and Wreckin"), `sfc.xlsx [LA level data]: line 5, column 2 (CSSR (LA area)): unknown local authority area "Telford and Wreckin"`},
		{"rate fits neither", with(5, 5, "125"), `line 6, column 6 (Turnover rate): 125 fits neither a proportion (0 to 1) nor a percentage (0 to 100)`},
		{"negative rate", with(3, 4, "-0.1"), `line 4, column 5 (Vacancy rate): -0.1 fits neither`},
		{"not a number", with(2, 8, "4,0OO"), `line 3, column 9 (Filled posts): "4,0OO" is not a number`},
		{"negative count", with(2, 8, "-4"), `line 3, column 9 (Filled posts): -4 is negative`},
		{"duplicate row", append(with(0, 0, "x"), madeUpSheet[2]), "line 11, column 2 (CSSR (LA area)): duplicate row: Shropshire, All sectors, All services, Job role group - Direct care is already on line 3"},
		{"no header", [][]string{{"Area", "Sector"}, {"Shropshire", "All sectors"}}, `missing column "CSSR (LA area)": no row among the first 20 has it`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ReadSFC(xlsxOf(t, c.rows), "sfc.xlsx", sfcOptions(), NoProgress)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v\nwant %q", err, c.want)
			}
		})
	}
}

func TestReadSFCPeriodAndFormat(t *testing.T) {
	opt := sfcOptions()
	opt.Period = ""
	rs, rep, err := ReadSFC(csvOf(madeUpSheet), "LA-data-download-2019-20.csv", opt, NoProgress)
	if err != nil || rep.Period != "2019/20" || rs[0].Period != "2019/20" {
		t.Errorf("period from name: %q, %v", rep.Period, err)
	}
	if _, _, err := ReadSFC(csvOf(madeUpSheet), "LA-data-download.csv", opt, NoProgress); err == nil || !strings.Contains(err.Error(), "--period") {
		t.Errorf("no period: %v", err)
	}
	opt.Period = "2023/25"
	if _, _, err := ReadSFC(csvOf(madeUpSheet), "x.csv", opt, NoProgress); err == nil || !strings.Contains(err.Error(), "not a financial year") {
		t.Errorf("bad period: %v", err)
	}
	if _, _, err := ReadSFC(strings.NewReader("x"), "sfc.ods", sfcOptions(), NoProgress); err == nil || !strings.Contains(err.Error(), ".xlsx") {
		t.Errorf("ods: %v", err)
	}
	// A workbook without the data sheet names the sheets it has.
	f := excelize.NewFile()
	buf, _ := f.WriteToBuffer()
	if _, _, err := ReadSFC(buf, "other.xlsx", sfcOptions(), NoProgress); err == nil || !strings.Contains(err.Error(), `no sheet "LA level data" (the workbook has: Sheet1)`) {
		t.Errorf("no sheet: %v", err)
	}
}

// Every spelling of SKILLS_FOR_CARE_LAYOUT.md §4 meets one of today's
// upper-tier authorities in the atlas's own lookup
// (data/geo/ctyua23_icb24_nhser24_lookup.csv), as does every ONS name.
func TestSFCSpellingsMeetONSNames(t *testing.T) {
	f := open(t, "../../../data/geo/"+UTLALookupFile)
	tab, err := newTable(f, UTLALookupFile, "CTYUA23CD", "CTYUA23NM")
	if err != nil {
		t.Fatal(err)
	}
	var areas []area.Area
	for tab.next() {
		areas = append(areas, area.Area{Type: area.UTLA, Code: tab.get("CTYUA23CD"), Name: tab.get("CTYUA23NM"), Population: 1})
	}
	p := newSFCPlaces(areas)
	for _, a := range areas {
		if ps, ok := p.resolve(a.Name); !ok || ps[0].Code != a.Code {
			t.Errorf("ONS name %q does not resolve to %s", a.Name, a.Code)
		}
	}
	want := map[string]string{
		"Redcar & Cleveland": "E06000003", "Stockton on Tees": "E06000004", "Durham": "E06000047",
		"Kingston upon Hull": "E06000010", "St Helens": "E08000013", "Stoke on Trent": "E06000021",
		"Herefordshire": "E06000019", "Telford & Wrekin": "E06000020", "Windsor & Maidenhead": "E06000040",
		"Southend on Sea": "E06000033", "Hammersmith & Fulham": "E09000013", "Kensington & Chelsea": "E09000020",
		"Barking & Dagenham": "E09000002", "Bournemouth Christchurch and Poole": "E06000058",
		"Brighton & Hove": "E06000043", "Bristol": "E06000023", "Cheshire West & Chester": "E06000050",
	}
	for name, code := range want {
		if ps, ok := p.resolve(name); !ok || len(ps) != 1 || ps[0].Code != code {
			t.Errorf("%q resolves to %+v, want %s", name, ps, code)
		}
	}
	if ps, ok := p.resolve("Cornwall and Isles of Scilly"); !ok || len(ps) != 2 || ps[0].Code != "E06000052" || ps[1].Code != "E06000053" {
		t.Errorf("Cornwall and Isles of Scilly resolves to %+v", ps)
	}
}
