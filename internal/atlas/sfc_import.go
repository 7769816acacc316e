package atlas

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"time"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/source"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// Notes said with every Skills for Care workbook dataset.
const (
	NoteSFCAllCareNeeds = "Skills for Care's local authority workbook describes the whole adult social care workforce, " +
		"whatever the care need: it is stored as all-care-needs, context that is never added into the mental health figures."
	NoteSFCRates = "The workbook's vacancy, turnover and zero-hours rates come without the counts behind them: each is shown " +
		"for the area it was published for and is not aggregated to ICBs or regions."
	NoteSFCCounts = "The workbook gives counts (filled posts, vacancies, leavers...) as well as rates: larger areas such as " +
		"ICBs and regions are built from the counts. The rates it publishes are shown for the areas they were published " +
		"for, and never averaged."
	NoteSFCCornwall = "Skills for Care reports Cornwall and the Isles of Scilly as one area. Its counts are split between " +
		"Cornwall (E06000052) and the Isles of Scilly (E06000053) by their shares of the Census 2021 population " +
		"(570,288 and 2,055 of 572,343 residents); its rates apply to both, since splitting a rate's numerator and " +
		"denominator by the same share leaves it unchanged."
)

// SFCDataset describes a Skills for Care workbook for one financial year.
// Importing another workbook for the same year replaces it.
func SFCDataset(file, period string) Dataset {
	return Dataset{ID: "skills-for-care-la-" + workforce.Slug(period),
		Name:      fmt.Sprintf("Skills for Care local authority workforce estimates, %s (%s)", period, path.Base(file)),
		Publisher: "Skills for Care", Vintage: period,
		Licence: "Skills for Care (ASC-WDS estimates). Figures are stored with attribution; check Skills for Care's terms " +
			"before republishing them (analysis@skillsforcare.org.uk).",
		Files: []string{file},
		Notes: []string{NoteSFCAllCareNeeds, NoteSFCRates, NoteSFCCornwall}}
}

// ImportSFC imports Skills for Care's local authority workbook (.xlsx) or
// a CSV export of its "LA level data" sheet for one financial year (from
// period, or else the file name) through ImportWorkforceRecords.
func ImportSFC(ctx context.Context, st Store, fsys fs.FS, file, period string, opt ImportOptions) (source.SFCReport, WorkforceReport, error) {
	var frep source.SFCReport
	ws, err := workforceStore(st)
	if err != nil {
		return frep, WorkforceReport{}, err
	}
	tax, err := ws.Roles(ctx)
	if err != nil {
		return frep, WorkforceReport{}, err
	}
	var areas []area.Area
	for _, t := range []area.Type{area.England, area.Region, area.UTLA} {
		as, err := st.Areas(ctx, t)
		if err != nil {
			return frep, WorkforceReport{}, err
		}
		areas = append(areas, as...)
	}
	if len(areas) < 2 {
		return frep, WorkforceReport{}, Errorf(CodeInvalid, "import the geography first: no local authorities are known yet")
	}
	f, err := fsys.Open(file)
	if err != nil {
		return frep, WorkforceReport{}, err // a *fs.PathError already names the file
	}
	defer f.Close()
	recs, frep, err := source.ReadSFC(f, file, source.SFCOptions{Period: period, Areas: areas, Role: tax.Lookup}, opt.progress())
	if err != nil {
		return frep, WorkforceReport{}, err
	}
	ds := SFCDataset(file, frep.Period)
	if sfcHasCounts(recs) {
		// The rates-only note would be false: ICBs are built from the counts.
		ds.Notes[1] = NoteSFCCounts
	}
	ds.ImportedAt = time.Now().UTC()
	rep, err := ImportWorkforceRecords(ctx, st, ds, recs, opt)
	return frep, rep, err
}

// sfcHasCounts reports whether a workbook gave any count that is not
// suppressed, from which larger areas can be built.
func sfcHasCounts(recs []workforce.Record) bool {
	for _, r := range recs {
		if info, err := workforce.ParseMeasure(string(r.Measure)); err == nil && !info.Rate && r.Value != nil {
			return true
		}
	}
	return false
}
