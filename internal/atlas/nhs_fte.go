package atlas

import (
	"context"
	"fmt"
	"io/fs"
	"math"
	"path"
	"time"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/geo"
	"github.com/mhatlas/mhatlas/internal/source"
	"github.com/mhatlas/mhatlas/internal/workforce"
)

// Files of the NHS workforce in the embedded dataset, and the ICB
// boundaries trusts are placed with.
const (
	DefaultNHSFTEFile    = "workforce/nhs_hchs_fte_by_org_staff_group_2017_2018.csv"
	DefaultNHSTrustsFile = "services/nhs_trusts_england_2022.csv"
	ICBBoundaryFile      = "geo/icb23_bsc.geojson"
	// nearestICBMetres is how far outside its region's ICBs a
	// headquarters may lie and still be placed in the nearest of them.
	nearestICBMetres = 20000
)

// NoteNHSPlacement is said with the NHS figures wherever they show.
const NoteNHSPlacement = "Each mental health trust is placed in its NHS England region exactly (from the NHS trust list) " +
	"and in one ICB of that region: the one containing its headquarters (a point geocoded from the headquarters' postcode), " +
	"or the nearest one when the headquarters lies just over the region's border (Oxleas, based in Dartford, Kent, is placed " +
	"in South East London). This is an approximation: a trust serves people beyond that ICB, and an ICB is served by trusts " +
	"based elsewhere; an ICB with no mental health trust headquarters has no NHS figure. England and NHS regions are exact sums."

// TrustPlacement says where one trust's staff were counted.
type TrustPlacement struct {
	Code, Name string
	Region     area.Area
	ICB        area.Area
	// Metres is 0 for a headquarters inside its ICB, otherwise the
	// distance to the nearest ICB of its region, where it was placed.
	Metres float64
	// Outside names the ICB of another region the headquarters lies in,
	// if it does.
	Outside string
}

// NHSFTEResult reports an import of the NHS workforce file.
type NHSFTEResult struct {
	File       source.NHSFTEReport
	Placements []TrustPlacement
	Workforce  WorkforceReport
}

// NHSFTEDataset describes the NHS workforce dataset.
func NHSFTEDataset(fteFile, trustsFile string) Dataset {
	return Dataset{ID: "nhs-hchs-fte-mental-health-trusts",
		Name:      "NHS Hospital and Community Health Services staff (FTE) of the 44 mental health trusts, by staff group, 30 September 2017 and 30 June 2018",
		Publisher: "NHS Digital", Vintage: "30 September 2017 and 30 June 2018",
		Licence: "Source: NHS Digital, NHS Hospital and Community Health Services workforce statistics. Licensed under the Open Government Licence v3.0.",
		Files:   []string{fteFile, trustsFile, ICBBoundaryFile},
		Notes: []string{NoteNHSPlacement,
			"Mental health trusts are the 44 trusts whose CQC primary inspection category in January 2022 was \"Mental health - community & residential - NHS\"; " +
				"trusts that provide mental health care but that CQC files under another category are not included (combined community and mental health trusts filed under community health; " +
				"Nottinghamshire Healthcare, filed as a specialist acute trust for its secure hospitals, so Nottingham and Nottinghamshire ICB has no NHS figure), " +
				"nor are trusts that closed before 2022 (North West Boroughs Healthcare, split in 2021); trusts merged between 2018 and 2022 are counted under their 2022 code only where the code did not change.",
			"Full-time equivalent staff (FTE) are a different unit from posts: they never add into post counts."}}
}

// ImportNHSFTE imports the FTE of NHS mental health trusts by staff group
// from NHS Digital's file, placing each trust with the trust list
// (trustsFile) and the ICB boundaries in geoFS. It stores FTE for each
// ICB (trusts by headquarters), NHS region (exact) and England (exact).
func ImportNHSFTE(ctx context.Context, st Store, fsys fs.FS, fteFile, trustsFile string, geoFS fs.FS, opt ImportOptions) (*NHSFTEResult, error) {
	res := &NHSFTEResult{}
	ws, err := workforceStore(st)
	if err != nil {
		return nil, err
	}
	tax, err := ws.Roles(ctx)
	if err != nil {
		return nil, err
	}
	rows, rep, err := readNHSFTE(fsys, fteFile, opt)
	res.File = rep
	if err != nil {
		return res, err
	}
	places, err := readTrustPlaces(fsys, trustsFile)
	if err != nil {
		return res, err
	}
	pl, err := newTrustPlacer(ctx, st, geoFS)
	if err != nil {
		return res, err
	}
	recs, placements, err := nhsRecords(rows, places, pl, tax, fteFile, trustsFile)
	res.Placements = placements
	if err != nil {
		return res, err
	}
	ds := NHSFTEDataset(fteFile, trustsFile)
	ds.ImportedAt = time.Now().UTC()
	res.Workforce, err = ImportWorkforceRecords(ctx, st, ds, recs, opt)
	return res, err
}

func readNHSFTE(fsys fs.FS, file string, opt ImportOptions) ([]source.NHSFTE, source.NHSFTEReport, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return nil, source.NHSFTEReport{File: file}, err // a *fs.PathError already names the file
	}
	defer f.Close()
	return source.ReadNHSFTE(f, file, opt.progress())
}

func readTrustPlaces(fsys fs.FS, file string) (map[string]source.TrustPlace, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return nil, err // a *fs.PathError already names the file
	}
	defer f.Close()
	return source.ReadTrustPlaces(f, file)
}

// trustPlacer finds a trust's NHS region and ICB.
type trustPlacer struct {
	regions map[string]area.Area // by ODS code
	icbs    map[string]area.Area // by GSS code
	all     *geo.Index
	// byRegion indexes each NHS region's ICBs, so that a trust lands in
	// an ICB of its own region.
	byRegion map[string]*geo.Index
}

func newTrustPlacer(ctx context.Context, st Store, geoFS fs.FS) (*trustPlacer, error) {
	p := &trustPlacer{regions: map[string]area.Area{}, icbs: map[string]area.Area{}, byRegion: map[string]*geo.Index{}}
	rs, err := st.Areas(ctx, area.NHSRegion)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		p.regions[r.ODSCode] = r
	}
	is, err := st.Areas(ctx, area.ICB)
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 || len(is) == 0 {
		return nil, Errorf(CodeInvalid, "import the geography first: no NHS regions or ICBs are known yet")
	}
	regionOf := map[string]string{}
	for _, i := range is {
		p.icbs[i.Code] = i
		ps, err := st.Parents(ctx, area.ICB, i.Code)
		if err != nil {
			return nil, err
		}
		for _, r := range ps {
			if r.Type == area.NHSRegion {
				regionOf[i.Code] = r.Code
			}
		}
	}
	f, err := geoFS.Open(ICBBoundaryFile)
	if err != nil {
		return nil, err // a *fs.PathError already names the file
	}
	defer f.Close()
	feats, err := geo.ReadFeatures(f, "ICB23CD", "ICB23NM")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ICBBoundaryFile, err)
	}
	p.all = geo.NewIndex(feats)
	inRegion := map[string][]geo.Feature{}
	for _, ft := range feats {
		inRegion[regionOf[ft.Code]] = append(inRegion[regionOf[ft.Code]], ft)
	}
	for r, fs := range inRegion {
		p.byRegion[r] = geo.NewIndex(fs)
	}
	return p, nil
}

// place returns the trust's region and ICB, or a message saying why not.
// The ICB is the one of the trust's own NHS region that contains its
// headquarters or, for a headquarters just outside (over a regional
// border, or on a seafront the generalised coastline cuts off), the
// nearest one within nearestICBMetres.
func (p *trustPlacer) place(t source.TrustPlace) (TrustPlacement, string) {
	tp := TrustPlacement{Code: t.Code, Name: t.Name}
	r, ok := p.regions[t.RegionODS]
	if !ok {
		return tp, fmt.Sprintf("NHS region %q of trust %s is not one the atlas knows (Y56, Y58-Y63)", t.RegionODS, t.Code)
	}
	tp.Region = r
	if t.HQ == (geo.Point{}) {
		return tp, fmt.Sprintf("trust %s has no headquarters coordinates to place it in an ICB", t.Code)
	}
	idx := p.byRegion[r.Code]
	if idx == nil {
		return tp, fmt.Sprintf("NHS region %s has no ICB boundaries in %s", r.Code, ICBBoundaryFile)
	}
	f, d, ok := idx.Nearest(t.HQ, nearestICBMetres)
	if !ok {
		return tp, fmt.Sprintf("the headquarters of trust %s (%.5f, %.5f) is more than %d m from every ICB of its NHS region, %s",
			t.Code, t.HQ.Lon, t.HQ.Lat, nearestICBMetres, r.Name)
	}
	if i, ok := p.icbs[f.Code]; ok {
		tp.ICB, tp.Metres = i, d
	} else {
		return tp, fmt.Sprintf("ICB %s (from %s) is not one the atlas knows", f.Code, ICBBoundaryFile)
	}
	if d > 0 {
		if in, ok := p.all.Locate(t.HQ); ok {
			tp.Outside = in.Name
		}
	}
	return tp, ""
}

// nhsKey is one stored NHS figure before it is a record.
type nhsKey struct {
	t            area.Type
	code, period string
	role         string
}

// nhsRecords sums the trusts' FTE into their ICB, their NHS region and
// England, for each staff group and for all staff groups.
func nhsRecords(rows []source.NHSFTE, places map[string]source.TrustPlace, pl *trustPlacer, tax *workforce.Taxonomy,
	fteFile, trustsFile string) ([]workforce.Record, []TrustPlacement, error) {
	var errs source.Errors
	placed := map[string]TrustPlacement{}
	var order []TrustPlacement
	sums, lines := map[nhsKey]float64{}, map[nhsKey]int{}
	var keys []nhsKey
	add := func(k nhsKey, v float64, line int) {
		if _, ok := sums[k]; !ok {
			keys = append(keys, k)
			lines[k] = line
		}
		sums[k] += v
	}
	for _, r := range rows {
		tp, ok := placed[r.OrgCode]
		if !ok {
			t, known := places[r.OrgCode]
			if !known {
				errs = append(errs, &source.Error{File: fteFile, Line: r.Line, Column: r.Columns["org_code"], ColumnName: "org_code",
					Msg: fmt.Sprintf("trust %s (%s) is not in the trust list %s, so it cannot be placed", r.OrgCode, r.OrgName, path.Base(trustsFile))})
				continue
			}
			var why string
			if tp, why = pl.place(t); why != "" {
				errs = append(errs, &source.Error{File: trustsFile, Line: t.Line, Msg: why})
				continue
			}
			placed[r.OrgCode] = tp
			order = append(order, tp)
		}
		role, ok := tax.Lookup(r.StaffGroup)
		if !ok {
			errs = append(errs, &source.Error{File: fteFile, Line: r.Line, Column: r.Columns["staff_group"], ColumnName: "staff_group",
				Msg: fmt.Sprintf("staff group %q is not an NHS staff group of the role taxonomy (data/workforce/roles.csv)", r.StaffGroup)})
			continue
		}
		for _, role := range []string{role, workforce.AllRoles} {
			add(nhsKey{area.ICB, tp.ICB.Code, r.Period, role}, r.FTE, r.Line)
			add(nhsKey{area.NHSRegion, tp.Region.Code, r.Period, role}, r.FTE, r.Line)
			add(nhsKey{area.England, area.EnglandCode, r.Period, role}, r.FTE, r.Line)
		}
		if len(errs) >= workforce.MaxProblems {
			break
		}
	}
	if len(errs) > 0 {
		return nil, order, errs
	}
	recs := make([]workforce.Record, 0, len(keys))
	for _, k := range keys {
		v := math.Round(sums[k]*100) / 100 // the file's FTE have two decimals: drop float noise
		recs = append(recs, workforce.Record{AreaType: k.t, AreaCode: k.code, Period: k.period, CareNeed: workforce.MentalHealth,
			Sector: workforce.SectorNHS, Role: k.role, Measure: workforce.FTE, Value: &v, File: fteFile, Line: lines[k],
			Ref: "NHS Digital, HCHS staff by staff group and organisation (FTE)"})
	}
	return recs, order, nil
}
