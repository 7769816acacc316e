package atlas_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/data"
	"github.com/mhatlas/mhatlas/internal/atlas"
)

// A workbook with count columns builds ICBs from its counts, and its
// dataset says so; one with rates only says its rates are not aggregated.
// Worked by hand from sfcSheet (made-up numbers), all sectors and roles:
// NHS Shropshire, Telford and Wrekin ICB = Shropshire + Telford and Wrekin,
//
//	vacancy rate = (348 + 600) / (4,000 + 348 + 6,000 + 600) = 948 / 10,948 = 8.6591%
//
// (the two published rates, 8% and 9%, are never averaged).
func TestImportSFCNotesFollowTheSheet(t *testing.T) {
	ctx := context.Background()
	st := impGeoStore(t)
	if _, err := atlas.ImportRoles(ctx, st, data.FS, atlas.DefaultRolesFile, atlas.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeSFC(t, dir, "LA-data-download-2023-24.xlsx", sfcSheet)
	if _, _, err := atlas.ImportSFC(ctx, st, os.DirFS(dir), "LA-data-download-2023-24.xlsx", "", atlas.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	svc := &atlas.Service{Store: st, Providers: []atlas.Provider{&atlas.WorkforceProvider{Store: st, WF: st}}}
	d, err := svc.Data(ctx, atlas.Query{Indicator: "wf-vacancy-rate", Type: "icb", Filters: map[string]string{"care_need": "all-care-needs"}})
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(d.Notes, "\n")
	if !strings.Contains(notes, atlas.NoteSFCCounts) || strings.Contains(notes, atlas.NoteSFCRates) {
		t.Errorf("a sheet with counts: notes\n%s", notes)
	}
	for _, v := range d.Values {
		if v.AreaCode == "E54000011" {
			wfNear(t, "STW vacancy rate", v, 100*948.0/10948)
		}
	}

	ratesOnly := [][]any{
		{"CSSR (LA area)", "Sector", "Service", "Job role", "Vacancy rate"},
		{"Shropshire", "All sectors", "All services", "All job roles", 0.09},
	}
	writeSFC(t, dir, "LA-data-download-2022-23.xlsx", ratesOnly)
	if _, _, err := atlas.ImportSFC(ctx, st, os.DirFS(dir), "LA-data-download-2022-23.xlsx", "", atlas.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	d, err = svc.Data(ctx, atlas.Query{Indicator: "wf-vacancy-rate", Type: "utla", Period: "2022/23",
		Filters: map[string]string{"care_need": "all-care-needs"}})
	if err != nil {
		t.Fatal(err)
	}
	if notes := strings.Join(d.Notes, "\n"); !strings.Contains(notes, atlas.NoteSFCRates) || strings.Contains(notes, atlas.NoteSFCCounts) {
		t.Errorf("a sheet of rates only: notes\n%s", notes)
	}
}
