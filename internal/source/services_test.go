package source

import (
	"os"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/service"
)

// realTaxonomy reads the shipped taxonomy files.
func realTaxonomy(t testing.TB) service.Taxonomy {
	t.Helper()
	var tax service.Taxonomy
	for _, name := range []string{"../../data/services/service_types.csv", "../../data/services/population_groups.csv"} {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		kind, terms, err := ReadTaxonomy(f, name)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if kind == ServiceTypes {
			tax.Types = terms
		} else {
			tax.Groups = terms
		}
	}
	return tax
}

func openT(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// The real Trafford directory: 60 services on lines 2-61. One postcode is
// malformed (line 50, column 4: "WA154 1HF"); six postcodes are shared and
// two organisations appear twice (counted by hand from the file).
func TestReadTraffordRealFile(t *testing.T) {
	tax := realTaxonomy(t)
	ss, rep, err := ReadTrafford(openT(t, "../../data/services/trafford_mental_health_services_2018.csv"), "trafford.csv",
		openT(t, "../../data/services/trafford_classification.csv"), "class.csv", tax)
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 60 || rep.Rows != 60 {
		t.Fatalf("%d services from %d rows", len(ss), rep.Rows)
	}
	if len(rep.Warnings) != 1 || rep.Warnings[0].Error() != `trafford.csv: line 50, column 4 (postcode): "WA154 1HF" is not a valid postcode: kept as written and not used to place "Altrincham Anxiety Group (Trafford Self Help Services)"` {
		t.Errorf("warnings: %v", rep.Warnings)
	}
	alt := ss[48] // line 50
	if alt.Line != 50 || alt.Postcode != "WA154 1HF" || len(alt.Notes) != 1 || alt.Point == nil {
		t.Errorf("Altrincham Anxiety Group: %+v", alt)
	}
	notes := strings.Join(rep.Notes, "\n")
	for _, want := range []string{
		"6 services share the postcode M16 0PQ (lines 15, 16, 17, 18, 19, 20)",
		"3 services share the postcode M16 0LN (lines 13, 21, 22)",
		`"Dance System CIC" is listed 2 times (lines 42, 53)`,
		`"Being There" is listed 2 times (lines 35, 57)`,
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	// Line 38 is NHS by its web address (gmmh.nhs.uk); line 40 the
	// council's; the rest voluntary sector.
	sectors := map[service.Sector]int{}
	for _, s := range ss {
		sectors[s.Sector]++
		if s.Verified != "2018-07" || s.Key == "" {
			t.Errorf("line %d: %+v", s.Line, s)
		}
	}
	if sectors[service.NHS] != 1 || sectors[service.LocalAuthority] != 1 || sectors[service.VCSE] != 58 {
		t.Errorf("sectors %v", sectors)
	}
	if ss[36].Sector != service.NHS || ss[36].Name != "Trafford Psychological Therapies" {
		t.Errorf("line 38: %+v", ss[36])
	}
}

func TestReadTraffordClassificationMustMatch(t *testing.T) {
	tax := realTaxonomy(t)
	dir := "name,description,address,postcode,telephone,website,longitude,latitude\n" +
		"Samaritans,Listening,72-74 Oxford Street,M1 5NH,0161 236 8000,https://www.samaritans.org/,-2.241545,53.474012\n" +
		"Unclassified,?,1 Street,M1 1AA,,,-2.24,53.47\n"
	class := "name,postcode,provider,sector,types,groups,evidence\n" +
		"Samaritans,M1 5NH,Samaritans,vcse,crisis-support,,test\n" +
		"Gone,M2 2BB,Gone,vcse,,,test\n"
	_, _, err := ReadTrafford(strings.NewReader(dir), "dir.csv", strings.NewReader(class), "class.csv", tax)
	if err == nil || !strings.Contains(err.Error(), `dir.csv: line 3, column 1 (name): no row in class.csv classifies "Unclassified"`) {
		t.Errorf("unclassified row: %v", err)
	}
	dir = dir[:strings.LastIndex(strings.TrimSuffix(dir, "\n"), "\n")+1]
	_, _, err = ReadTrafford(strings.NewReader(dir), "dir.csv", strings.NewReader(class), "class.csv", tax)
	if err == nil || !strings.Contains(err.Error(), `class.csv: line 3, column 1 (name): "Gone" (postcode "M2 2BB") is not in dir.csv`) {
		t.Errorf("stale classification row: %v", err)
	}
}

// The NHS files: 44 trusts flagged as mental health trusts (of 218), and
// 311 hospitals meeting the rule (of 1,231), counted by hand from the
// flags with a spreadsheet filter. 95 hospitals' sector column disagrees
// with their provider's ODS code (85 R-coded providers listed as
// independent, 10 N-coded ones listed as NHS).
func TestReadNHSRealFiles(t *testing.T) {
	trusts, trep, err := ReadNHSTrusts(openT(t, "../../data/services/nhs_trusts_england_2022.csv"), "trusts.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(trusts) != 44 || trep.Rows != 218 || trep.Skipped != 174 {
		t.Errorf("trusts: %d of %d, %d skipped", len(trusts), trep.Rows, trep.Skipped)
	}
	for _, s := range trusts {
		if s.Key == "rxv" && (s.Name != "Greater Manchester Mental Health NHS Foundation Trust" || s.Line != 194 ||
			!strings.Contains(s.Description, "headquarters") || s.Types[0] != TypeTrustHeadquarters) {
			t.Errorf("GMMH: %+v", s)
		}
	}
	hosps, hrep, err := ReadNHSHospitals(openT(t, "../../data/services/nhs_website_hospitals_2018.csv"), "hospitals.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(hosps) != 311 || hrep.Rows != 1231 || hrep.Skipped != 920 {
		t.Errorf("hospitals: %d of %d, %d skipped", len(hosps), hrep.Rows, hrep.Skipped)
	}
	if !strings.Contains(strings.Join(hrep.Notes, "\n"), "95 hospitals' sector set from their provider's ODS code") {
		t.Errorf("notes: %v", hrep.Notes)
	}
	// Four Cygnet sites give their web address without http://.
	if len(hrep.Warnings) != 4 || !strings.Contains(hrep.Warnings[0].Error(), "hospitals.csv: line 758, column 18 (website)") {
		t.Errorf("warnings: %v", hrep.Warnings)
	}
	found := 0
	for _, s := range hosps {
		switch s.Key {
		case "rxv06": // Prestwich Hospital (line 674): both rules hold
			found++
			if s.Line != 674 || len(s.Types) != 2 || s.Sector != service.NHS || s.Provider != "Greater Manchester Mental Health NHS Foundation Trust" {
				t.Errorf("Prestwich: %+v", s)
			}
		case "rnu30": // Littlemore (line 890): Oxford Health NHS FT, listed as independent
			found++
			if s.Sector != service.NHS || len(s.Notes) != 1 || !strings.Contains(s.Notes[0], `"Independent Sector"`) {
				t.Errorf("Littlemore: %+v", s)
			}
		}
	}
	if found != 2 {
		t.Errorf("found %d of Prestwich and Littlemore", found)
	}
}
