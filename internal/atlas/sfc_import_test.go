package atlas_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/data"
	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/workforce"
	"github.com/xuri/excelize/v2"
)

// sfcSheet is a Skills for Care "LA level data" sheet with MADE-UP
// NUMBERS (no real copy of the workbook exists offline), written with
// Skills for Care's own spellings of authority names.
var sfcSheet = [][]any{
	{"CSSR (LA area)", "Sector", "Service", "Job role", "Vacancy rate", "Turnover rate", "Filled posts", "Vacancies"},
	{"Telford & Wrekin", "All sectors", "All services", "All job roles", 0.08, 0.3, 4000, 348},
	{"Telford & Wrekin", "Local authority", "All services", "Job role group - Direct care", 0.05, 0.12, 300, "*"},
	{"Shropshire", "All sectors", "All services", "All job roles", 0.09, 0.28, 6000, 600},
	{"Cornwall and Isles of Scilly", "All sectors", "All services", "Individual role - Care worker", 0.1, 0.25, 5723.43, 600},
}

func writeSFC(t *testing.T, dir, name string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "LA level data")
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("LA level data", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

// A Skills for Care workbook goes through the workforce use case into the
// store. Worked by hand from sfcSheet (made-up numbers): Telford's all-
// sector vacancy rate is 0.08 -> 8%; its local authority direct care
// vacancies are suppressed (missing); Cornwall and Isles of Scilly's
// 5,723.43 filled care-worker posts split by Census 2021 population
// (570,288 and 2,055 of 572,343) give 5,702.88 and 20.55.
func TestImportSFCWorkbook(t *testing.T) {
	ctx := context.Background()
	st := impGeoStore(t)
	if _, err := atlas.ImportRoles(ctx, st, data.FS, atlas.DefaultRolesFile, atlas.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeSFC(t, dir, "LA-data-download-2023-24.xlsx", sfcSheet)
	fsys := os.DirFS(dir)
	before, _ := st.DataVersion(ctx)
	if _, _, err := atlas.ImportSFC(ctx, st, fsys, "LA-data-download-2023-24.xlsx", "", atlas.ImportOptions{DryRun: true}); err != nil {
		t.Fatal(err)
	}
	if after, _ := st.DataVersion(ctx); after != before {
		t.Errorf("dry run changed the data version")
	}
	frep, rep, err := atlas.ImportSFC(ctx, st, fsys, "LA-data-download-2023-24.xlsx", "", atlas.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// 4 rows, Cornwall's twice: 5 x 4 measures.
	if frep.Period != "2023/24" || rep.Dataset != "skills-for-care-la-2023-24" || rep.Records != 20 || rep.Suppressed != 1 {
		t.Errorf("period %s, dataset %s, %d records, %d suppressed", frep.Period, rep.Dataset, rep.Records, rep.Suppressed)
	}
	rs, err := st.WorkforceValues(ctx, atlas.WorkforceQuery{Dataset: rep.Dataset})
	if err != nil {
		t.Fatal(err)
	}
	get := func(code, sector, role string, m workforce.Measure) *float64 {
		t.Helper()
		for _, r := range rs {
			if r.AreaType == area.UTLA && r.AreaCode == code && r.Sector == sector && r.Role == role && r.Measure == m {
				if r.CareNeed != workforce.AllCareNeeds {
					t.Errorf("care need %s", r.CareNeed)
				}
				return r.Value
			}
		}
		t.Fatalf("no %s %s %s %s", code, sector, role, m)
		return nil
	}
	if v := get("E06000020", "all", "all", workforce.VacancyRatePublished); v == nil || math.Abs(*v-8) > 1e-9 {
		t.Errorf("Telford vacancy rate = %v", v)
	}
	if v := get("E06000020", workforce.SectorLocalAuthority, "direct-care", workforce.Vacancies); v != nil {
		t.Errorf("suppressed vacancies = %v", *v)
	}
	if v := get("E06000052", "all", "care-worker", workforce.FilledPosts); v == nil || math.Abs(*v-5702.88) > 0.005 {
		t.Errorf("Cornwall filled posts = %v", v)
	}
	if v := get("E06000053", "all", "care-worker", workforce.FilledPosts); v == nil || math.Abs(*v-20.55) > 0.005 {
		t.Errorf("Isles of Scilly filled posts = %v", v)
	}
	// A sheet with an unknown authority changes nothing.
	bad := append([][]any{}, sfcSheet...)
	bad = append(bad, []any{"Gotham", "All sectors", "All services", "All job roles", 0.1, 0.2, 10, 1})
	writeSFC(t, dir, "bad-2023-24.xlsx", bad)
	before, _ = st.DataVersion(ctx)
	_, _, err = atlas.ImportSFC(ctx, st, fsys, "bad-2023-24.xlsx", "", atlas.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), `bad-2023-24.xlsx [LA level data]: line 6, column 1 (CSSR (LA area)): unknown local authority area "Gotham"`) {
		t.Errorf("bad sheet: %v", err)
	}
	if after, _ := st.DataVersion(ctx); after != before {
		t.Errorf("a failed import changed the data version")
	}
}
