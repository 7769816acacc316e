package source

import (
	"os"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

// lookup stands in for the atlas's areas: a unitary authority is both an
// upper- and a lower-tier authority.
func lookup() AreaLookup {
	m := map[string][]area.Type{
		"E92000001": {area.England}, "E12000002": {area.Region}, "E12000007": {area.Region},
		"E06000051": {area.UTLA, area.LTLA}, "E06000020": {area.UTLA, area.LTLA},
		"E09000002": {area.UTLA, area.LTLA}, "E09000003": {area.UTLA, area.LTLA}, "E09000004": {area.UTLA, area.LTLA},
		"E06000022": {area.UTLA, area.LTLA}, "E06000055": {area.UTLA, area.LTLA}, "E08000025": {area.UTLA, area.LTLA},
		"E06000008": {area.UTLA, area.LTLA}, "E06000001": {area.UTLA, area.LTLA}, "E10000030": {area.UTLA},
		"E07000089": {area.LTLA},
	}
	return func(code string) []area.Type { return m[code] }
}

func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func find(t *testing.T, p *Published, id string) PublishedIndicator {
	t.Helper()
	for _, pi := range p.Indicators {
		if pi.ID == id {
			return pi
		}
	}
	var ids []string
	for _, pi := range p.Indicators {
		ids = append(ids, pi.ID)
	}
	t.Fatalf("no indicator %s; have %v", id, ids)
	return PublishedIndicator{}
}

func value(t *testing.T, pi PublishedIndicator, typ area.Type, code, period string) indicator.Value {
	t.Helper()
	for _, v := range pi.Values {
		if v.AreaType == typ && v.AreaCode == code && v.Period == period {
			return v
		}
	}
	t.Fatalf("%s: no value for %s %s %s", pi.ID, typ, code, period)
	return indicator.Value{}
}

func near(v *float64, want float64) bool {
	return v != nil && *v > want-1e-9 && *v < want+1e-9
}

func wantWarning(t *testing.T, ws []string, parts ...string) {
	t.Helper()
	for _, w := range ws {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(w, p)
		}
		if ok {
			return
		}
	}
	t.Errorf("no warning with %q in:\n%s", parts, strings.Join(ws, "\n"))
}

// Real figures from the LG Inform excerpt (see testdata/README.md):
// England's 2023/24 turnover 24.8%, Barking and Dagenham's 8.5%, and
// Blackburn with Darwen's residential care turnover 37.7%.
func TestReadLGInformExcerpt(t *testing.T) {
	p, err := ReadLGInform(open(t, "lginform_turnover_excerpt.csv"), "chart-16.csv", lookup(), NoProgress)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Indicators) != 5 || p.Report.Rows != 9 {
		t.Fatalf("%d indicators from %d rows, want 5 from 9", len(p.Indicators), p.Report.Rows)
	}
	all := find(t, p, "lginform-19266")
	if all.Name != "% ASC staff turnover" || all.ValueType != indicator.Percentage || all.Unit != "%" ||
		len(all.Periods) != 1 || all.Periods[0] != "2023/24" || all.HasCounts {
		t.Errorf("19266 = %+v", all)
	}
	if v := value(t, all, area.England, "E92000001", "2023/24"); !near(v.Value, 24.8) {
		t.Errorf("England = %v", v.Value)
	}
	if v := value(t, all, area.UTLA, "E09000002", "2023/24"); !near(v.Value, 8.5) {
		t.Errorf("Barking and Dagenham = %v", v.Value)
	}
	res := find(t, p, "lginform-19270")
	if v := value(t, res, area.UTLA, "E06000008", "2023/24"); !near(v.Value, 37.7) {
		t.Errorf("Blackburn with Darwen residential = %v", v.Value)
	}
	// No district councils in the file: unitaries are upper tier only.
	for _, v := range all.Values {
		if v.AreaType == area.LTLA {
			t.Errorf("unexpected lower-tier value %+v", v)
		}
	}
	// England and 7 councils the atlas knows; Barnsley's 2024 code is reported.
	if len(all.Values) != 8 {
		t.Errorf("%d values, want 8", len(all.Values))
	}
	wantWarning(t, p.Report.Warnings, "chart-16.csv: line 12", "E08000038", "Barnsley", "not imported")
}

func TestReadLGInformBadInput(t *testing.T) {
	head := `"area label","area long label","area","% ASC staff turnover","Sickness days"
"area label","area long label","area","19266","999"
"area label","area long label","area","2023/24","2023/24"
"area label","area long label","area","fin_2023_24","fin_2023_24"
"area label","area long label","area","%","days"
"area label","area long label","area","raw","raw"
`
	cases := []struct{ name, body, want string }{
		{"not an export", "area,name\nE92000001,England\n", "lg.csv: line 1: not an LG Inform CSV download"},
		{"not a number", head + `"England","England (Country)","E92000001","24,8x","5"` + "\n", `lg.csv: line 7, column 4 (% ASC staff turnover 2023/24): "24,8x" is not a number`},
		{"area twice", head + `"Barnet","Barnet (London borough)","E09000003","1","2"` + "\n" + `"Barnet","Barnet (London borough)","E09000003","1","2"` + "\n", "line 8, column 3 (area): area E09000003 is listed twice (first on line 7)"},
		{"no code", head + `"Barnet","Barnet (London borough)","","1","2"` + "\n", "line 7, column 3 (area): an area code is required"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadLGInform(strings.NewReader(c.body), "lg.csv", lookup(), NoProgress)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want %q", err, c.want)
			}
		})
	}
	// A unit the atlas cannot show is reported and its column left out; a
	// suppressed cell is missing, not zero.
	p, err := ReadLGInform(strings.NewReader(head+`"Barnet","Barnet (London borough)","E09000003","*","7"`+"\n"+
		`"Hart","Hart (District)","E07000089","12.5","3"`+"\n"+`"Barking","Barking (London borough)","E09000002","10","3"`+"\n"), "lg.csv", lookup(), NoProgress)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Indicators) != 1 {
		t.Fatalf("%d indicators, want 1", len(p.Indicators))
	}
	wantWarning(t, p.Report.Warnings, "metric 999", `"days"`, "not imported")
	pi := p.Indicators[0]
	if v := value(t, pi, area.UTLA, "E09000003", "2023/24"); v.Value != nil {
		t.Errorf("suppressed Barnet = %v, want missing", *v.Value)
	}
	// The file lists a district, so London boroughs are lower tier too.
	if v := value(t, pi, area.LTLA, "E09000002", "2023/24"); !near(v.Value, 10) {
		t.Errorf("Barking as lower tier = %v", v.Value)
	}
	if v := value(t, pi, area.LTLA, "E07000089", "2023/24"); !near(v.Value, 12.5) {
		t.Errorf("Hart = %v", v.Value)
	}
}
