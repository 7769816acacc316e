package source

import (
	"strings"
	"testing"
)

// Skills for Care's 2019/20 and October 2021 workbooks still list Cumbria
// and Northamptonshire. Their rows are reported and left out; the rest of
// the sheet imports. Made-up numbers.
func TestReadSFCFormerCouncils(t *testing.T) {
	rows := [][]string{
		{"CSSR (LA area)", "Sector", "Service", "Job role", "Vacancy rate"},
		{"Shropshire", "All sectors", "All services", "All job roles", "0.07"},
		{"Cumbria", "All sectors", "All services", "All job roles", "0.09"},
		{"Northamptonshire", "All sectors", "All services", "All job roles", "0.10"},
		{"Cumbria", "All sectors", "All services", "Individual role - Care worker", "0.11"},
	}
	recs, rep, err := ReadSFC(csvOf(rows), "LA-data-download-2019-20.csv", sfcOptions(), func(string, int, int) {})
	if err != nil {
		t.Fatalf("a former council stopped the import: %v", err)
	}
	if len(recs) != 1 || recs[0].AreaCode != "E06000051" {
		t.Fatalf("records %+v, want Shropshire's only", recs)
	}
	// 0.07 is 7% exactly, not the 7.000000000000001 of 0.07 × 100.
	if v := recs[0].Value; v == nil || *v != 7 {
		t.Errorf("Shropshire's vacancy rate = %v, want 7", v)
	}
	warn := strings.Join(rep.Warnings, "\n")
	for _, want := range []string{`"Cumbria" is not an area on today's boundaries`, "lines 3, 5", "Westmorland and Furness",
		`"Northamptonshire"`, "line 4", "not given to its successors"} {
		if !strings.Contains(warn, want) {
			t.Errorf("warnings lack %q:\n%s", want, warn)
		}
	}
	// A name that never was an authority is still an error naming its cell.
	rows[2][0] = "Cumbira"
	if _, _, err := ReadSFC(csvOf(rows), "LA-data-download-2019-20.csv", sfcOptions(), func(string, int, int) {}); err == nil ||
		!strings.Contains(err.Error(), `line 3, column 1`) || !strings.Contains(err.Error(), `"Cumbira"`) {
		t.Errorf("misspelt name: %v", err)
	}
}

// The workforce template (saved by Excel, with a byte-order mark) given to
// the Skills for Care importer is named for what it is, not asked for a
// year it does not need.
func TestReadSFCWrongFile(t *testing.T) {
	rows := [][]string{
		{"\ufeffarea_code", "area_name", "period", "care_need", "sector", "role", "measure", "value", "source"},
		{"E06000051", "Shropshire", "2023/24", "specialist", "all", "all", "filled_posts", "120", "members"},
	}
	opt := sfcOptions()
	opt.Period = ""
	_, _, err := ReadSFC(csvOf(rows), "members.csv", opt, func(string, int, int) {})
	if err == nil || !strings.Contains(err.Error(), "mhatlas import workforce") || strings.Contains(err.Error(), "financial year") ||
		strings.Contains(err.Error(), "\ufeff") {
		t.Errorf("template given to sfc: %v", err)
	}
}
