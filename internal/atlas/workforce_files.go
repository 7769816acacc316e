package atlas

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/source"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// TemplateDataset fills in what a user did not say about a template file:
// the id comes from the file name, the name is the file, the vintage the
// latest period in it.
func TemplateDataset(ds Dataset, file string, periods []string) Dataset {
	base := strings.TrimSuffix(path.Base(file), path.Ext(file))
	if ds.ID == "" {
		ds.ID = workforce.Slug(base)
		if !strings.HasPrefix(ds.ID, "workforce") {
			ds.ID = "workforce-" + ds.ID
		}
	}
	if ds.Name == "" {
		ds.Name = "Workforce figures from " + path.Base(file)
	}
	if ds.Publisher == "" {
		ds.Publisher = "Not stated (imported from " + path.Base(file) + ")"
	}
	if ds.Vintage == "" && len(periods) > 0 {
		ds.Vintage = periods[len(periods)-1]
	}
	if ds.Licence == "" {
		ds.Licence = "Not stated: ask the publisher before sharing these figures."
	}
	if len(ds.Files) == 0 {
		ds.Files = []string{file}
	}
	return ds
}

// ImportWorkforceTemplate reads a file in the workforce template and
// replaces the figures of the dataset it fills (see TemplateDataset).
func ImportWorkforceTemplate(ctx context.Context, st Store, fsys fs.FS, file string, ds Dataset, opt ImportOptions) (WorkforceReport, source.WorkforceReport, error) {
	var frep source.WorkforceReport
	ws, err := workforceStore(st)
	if err != nil {
		return WorkforceReport{}, frep, err
	}
	areas, err := allAreas(ctx, st)
	if err != nil {
		return WorkforceReport{}, frep, err
	}
	tax, err := ws.Roles(ctx)
	if err != nil {
		return WorkforceReport{}, frep, err
	}
	f, err := fsys.Open(file)
	if err != nil {
		return WorkforceReport{}, frep, err // a *fs.PathError already names the file
	}
	defer f.Close()
	recs, frep, err := source.ReadWorkforceTemplate(f, file, source.NewWorkforceAreas(areas), tax, opt.progress())
	if err != nil {
		return WorkforceReport{}, frep, err
	}
	rep, err := ImportWorkforceRecords(ctx, st, TemplateDataset(ds, file, frep.Periods), recs, opt)
	return rep, frep, err
}

func allAreas(ctx context.Context, st Store) ([]area.Area, error) {
	var out []area.Area
	for _, t := range area.Types {
		as, err := st.Areas(ctx, t.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, as...)
	}
	if len(out) == 0 {
		return nil, Errorf(CodeInvalid, "import the geography first: no areas are known yet")
	}
	return out, nil
}

// ImportPopulationEstimates reads ONS mid-year estimates for lower-tier
// authorities and replaces the stored ones.
func ImportPopulationEstimates(ctx context.Context, st Store, fsys fs.FS, file string, opt ImportOptions) (source.PopulationReport, error) {
	var rep source.PopulationReport
	ws, err := workforceStore(st)
	if err != nil {
		return rep, err
	}
	known, err := knownAreas(ctx, st)
	if err != nil {
		return rep, err
	}
	f, err := fsys.Open(file)
	if err != nil {
		return rep, err // a *fs.PathError already names the file
	}
	defer f.Close()
	es, rep, err := source.ReadPopulationEstimates(f, file, func(c string) bool { return known(area.LTLA, c) }, opt.progress())
	if err != nil {
		return rep, err
	}
	pops := workforce.Populations{}
	for _, e := range es {
		if pops[e.Year] == nil {
			pops[e.Year] = map[string]float64{}
		}
		pops[e.Year][e.LTLA] = float64(e.Population)
	}
	if opt.DryRun {
		return rep, nil
	}
	ds := Dataset{ID: "ons-mid-year-estimates", Name: "ONS mid-year population estimates for lower-tier local authorities",
		Publisher: "Office for National Statistics", Vintage: fmt.Sprintf("mid-%d to mid-%d", rep.Years[0], rep.Years[len(rep.Years)-1]),
		Licence: "Source: Office for National Statistics licensed under the Open Government Licence v.3.0.",
		Files:   []string{file}, ImportedAt: time.Now().UTC(), Rows: len(es)}
	opt.progress()("saving population estimates", 0, 0)
	return rep, ws.ReplacePopulationEstimates(ctx, ds, pops)
}
