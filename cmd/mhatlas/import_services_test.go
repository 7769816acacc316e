package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The services kinds from the command line, into a new database.
func TestImportServicesCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	steps := []struct {
		args []string
		want []string
	}{
		{[]string{"geography", "../../data/geo"}, nil},
		{[]string{"service-taxonomy", "../../data/services/service_types.csv", "../../data/services/population_groups.csv"},
			[]string{"Imported 18 service types from ../../data/services/service_types.csv.", "Imported 14 population groups"}},
		{[]string{"--dry-run", "nhs-services", "../../data/services/nhs_trusts_england_2022.csv", "../../data/services/nhs_website_hospitals_2018.csv"},
			[]string{"Dry run, nothing written: 355 services: 355 placed by coordinates, 0 by postcode, 0 not located.",
				`warning: ../../data/services/nhs_website_hospitals_2018.csv: line 758, column 18 (website): "www.cygnethealth.co.uk/locations/kewstoke/" has no http:// or https://: http:// added`}},
		{[]string{"trafford", "../../data/services/trafford_mental_health_services_2018.csv", "../../data/services/trafford_classification.csv"},
			[]string{`line 50, column 4 (postcode): "WA154 1HF" is not a valid postcode`,
				"15 services stand outside Trafford, the area the directory covers: 14 in Manchester, 1 in Stockport.",
				"trafford-mh-services: 60 added, 0 updated, 0 unchanged, 0 removed."}},
		{[]string{"services", "../../internal/source/testdata/services_madeup.csv"}, // made-up services
			[]string{"not located: ../../internal/source/testdata/services_madeup.csv: line 3: Made-up advocacy service: no coordinates; no postcode table has been imported",
				"directory-made-up-alliance: 3 added"}},
		{[]string{"--dry-run", "postcodes", "../../internal/source/testdata/postcodes_madeup.csv"}, // made-up postcodes
			[]string{"Dry run, nothing written: 2 postcodes", "1 of 1 services waiting for a location would be placed by postcode."}},
		{[]string{"postcodes", "../../internal/source/testdata/postcodes_madeup.csv"},
			[]string{"Imported 2 postcodes", "1 without a location skipped", "1 of 1 services waiting for a location are now placed by postcode."}},
	}
	for _, s := range steps {
		out, err := cli(t, append([]string{"import", "--db", db}, s.args...)...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", s.args, err, out)
		}
		for _, w := range s.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", s.args, w, out)
			}
		}
	}
	out, err := cli(t, "import", "--db", db, "services", "../../data/services/trafford_mental_health_services_2018.csv")
	if err == nil || !strings.Contains(err.Error(), "import it with `mhatlas import trafford FILE CLASSIFICATION`") {
		t.Errorf("Trafford file as a template: %v\n%s", err, out)
	}
	if _, err := cli(t, "import", "--db", db, "trafford", "only-one-file.csv"); err == nil || !strings.Contains(err.Error(), "trafford FILE CLASSIFICATION") {
		t.Errorf("usage: %v", err)
	}
}
