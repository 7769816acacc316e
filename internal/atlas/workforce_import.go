package atlas

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"time"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/source"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// WorkforceReport says what a workforce import held.
type WorkforceReport struct {
	Dataset    string
	Records    int
	Suppressed int
	Periods    []string
	// AreaTypes counts the records per area type.
	AreaTypes map[area.Type]int
	// Replaced is the number of figures the dataset held before.
	Replaced int
}

// workforceStore returns st as a WorkforceStore, or says it cannot be one.
func workforceStore(st Store) (WorkforceStore, error) {
	ws, ok := st.(WorkforceStore)
	if !ok {
		return nil, fmt.Errorf("this store cannot hold workforce figures")
	}
	return ws, nil
}

// ImportWorkforceRecords checks records and replaces the figures of
// dataset ds with them, in one transaction. Every problem (an unknown
// area, period, care need, sector, role or measure, a negative count,
// vacancies without filled posts for the same key, a duplicate row) is
// reported with its file, line and column, and then nothing is written.
// With opt.DryRun it checks and reports without writing.
func ImportWorkforceRecords(ctx context.Context, st Store, ds Dataset, recs []workforce.Record, opt ImportOptions) (WorkforceReport, error) {
	rep := WorkforceReport{Dataset: ds.ID, Records: len(recs), AreaTypes: map[area.Type]int{}}
	ws, err := workforceStore(st)
	if err != nil {
		return rep, err
	}
	if ds.ID == "" || ds.Name == "" || ds.Publisher == "" {
		return rep, Errorf(CodeInvalid, "a workforce dataset needs an id, a name and a publisher")
	}
	if workforce.Slug(ds.ID) != ds.ID {
		return rep, Errorf(CodeInvalid, "dataset id %q: use lower-case words joined by hyphens, such as %q", ds.ID, workforce.Slug(ds.ID))
	}
	if len(recs) == 0 {
		return rep, Errorf(CodeInvalid, "%s: no figures to import", ds.ID)
	}
	if err := idFree(ctx, st, ws, ds.ID); err != nil {
		return rep, err
	}
	known, err := knownAreas(ctx, st)
	if err != nil {
		return rep, err
	}
	tax, err := ws.Roles(ctx)
	if err != nil {
		return rep, err
	}
	opt.progress()("checking "+ds.ID, 0, len(recs))
	if errs := problems(workforce.Check(recs, known, tax)); errs != nil {
		return rep, errs
	}
	periods := map[string]bool{}
	for _, r := range recs {
		periods[r.Period] = true
		rep.AreaTypes[r.AreaType]++
		if r.Value == nil {
			rep.Suppressed++
		}
	}
	for p := range periods {
		rep.Periods = append(rep.Periods, p)
	}
	workforce.SortPeriods(rep.Periods)
	if rep.Replaced, err = heldBy(ctx, ws, ds.ID); err != nil {
		return rep, err
	}
	if opt.DryRun {
		return rep, nil
	}
	if ds.ImportedAt.IsZero() {
		ds.ImportedAt = time.Now().UTC()
	}
	ds.Rows = len(recs)
	opt.progress()("saving "+ds.ID, 0, 0)
	return rep, ws.ReplaceWorkforce(ctx, ds, recs)
}

// problems turns the checks' findings into errors that name file, line
// and column.
func problems(ps []workforce.Problem) error {
	if len(ps) == 0 {
		return nil
	}
	errs := make(source.Errors, len(ps))
	for i, p := range ps {
		errs[i] = &source.Error{File: p.File, Line: p.Line, Column: p.Column, ColumnName: p.Field, Msg: p.Msg}
	}
	return errs
}

func knownAreas(ctx context.Context, st Store) (func(area.Type, string) bool, error) {
	have := map[area.Type]map[string]bool{}
	for _, t := range area.Types {
		as, err := st.Areas(ctx, t.ID)
		if err != nil {
			return nil, err
		}
		have[t.ID] = map[string]bool{}
		for _, a := range as {
			have[t.ID][a.Code] = true
		}
	}
	if len(have[area.LTLA]) == 0 {
		return nil, Errorf(CodeInvalid, "import the geography first: no areas are known yet")
	}
	return func(t area.Type, code string) bool { return have[t][code] }, nil
}

// idFree refuses a dataset id that another kind of data (the Census, the
// geography) already uses: replacing it would overwrite that dataset.
func idFree(ctx context.Context, st Store, ws WorkforceStore, id string) error {
	all, err := st.Datasets(ctx)
	if err != nil {
		return err
	}
	wf, err := ws.WorkforceDatasets(ctx)
	if err != nil {
		return err
	}
	for _, d := range wf {
		if d.ID == id {
			return nil
		}
	}
	for _, d := range all {
		if d.ID == id {
			return Errorf(CodeInvalid, "dataset id %q is already used by %s: choose another", id, d.Name)
		}
	}
	return nil
}

func heldBy(ctx context.Context, ws WorkforceStore, id string) (int, error) {
	ss, err := ws.WorkforceSeries(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, s := range ss {
		if s.Dataset == id {
			n += s.Rows
		}
	}
	return n, nil
}

// ImportRoles reads the job-role taxonomy and replaces the stored one.
// A role that stored figures use cannot be taken out.
func ImportRoles(ctx context.Context, st Store, fsys fs.FS, file string, opt ImportOptions) (*workforce.Taxonomy, error) {
	ws, err := workforceStore(st)
	if err != nil {
		return nil, err
	}
	f, err := fsys.Open(file)
	if err != nil {
		return nil, err // a *fs.PathError already names the file
	}
	defer f.Close()
	tax, err := source.ReadRoles(f, file)
	if err != nil {
		return nil, err
	}
	ss, err := ws.WorkforceSeries(ctx)
	if err != nil {
		return nil, err
	}
	var gone []string
	for _, s := range ss {
		if !tax.Known(s.Role) && !contains(gone, s.Role) {
			gone = append(gone, s.Role)
		}
	}
	if len(gone) > 0 {
		sort.Strings(gone)
		return nil, Errorf(CodeInvalid, "%s: roles %v are used by imported figures; keep them in the taxonomy", file, gone)
	}
	if opt.DryRun {
		return tax, nil
	}
	ds := Dataset{ID: "workforce-roles", Name: "Job roles and NHS staff groups (the atlas's role taxonomy)",
		Publisher: "mhatlas (role names follow Skills for Care's job roles and NHS Digital's staff groups)",
		Vintage:   "edited with the atlas", Licence: "Part of mhatlas; edit and re-import it with mhatlas import roles FILE.",
		Files: []string{file}, ImportedAt: time.Now().UTC(), Rows: len(tax.Roles)}
	return tax, ws.ReplaceRoles(ctx, ds, tax)
}
