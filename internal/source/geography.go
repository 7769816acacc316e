package source

import (
	"io/fs"
	"path"

	"github.com/mhatlas/mhatlas/internal/area"
)

// Geography file names inside a geography folder (see data/geo/PROVENANCE.md).
const (
	LSOALookupFile = "lsoa21_sicbl24_icb24_lad24_lookup.csv"
	LADLookupFile  = "lad24_icb24_nhser24_lookup.csv"
	UTLALookupFile = "ctyua23_icb24_nhser24_lookup.csv"
	ICBLookupFile  = "icb24_nhser24_lookup.csv"
	SubICBFile     = "sicbl24_icb24_nhser24_lookup.csv"
	NHSRegionFile  = "nhser24_lookup.csv"
	RegionFile     = "rgn24_lookup.csv"
)

// Geography is what the ONS lookups say: every LSOA with the areas it lies
// in and its population, and the names and NHS codes of the areas.
type Geography struct {
	LSOAs []area.LSOA
	Names area.Names
	ODS   area.ODSCodes
}

// ReadGeography reads the ONS lookups in dir of fsys.
func ReadGeography(fsys fs.FS, dir string, progress Progress) (*Geography, error) {
	g := &Geography{Names: area.Names{}, ODS: area.ODSCodes{}}
	for _, t := range area.Types {
		g.Names[t.ID] = map[string]string{}
		g.ODS[t.ID] = map[string]string{}
	}
	names := []struct {
		file          string
		t             area.Type
		code, nm, ods string
	}{
		{LADLookupFile, area.LTLA, "LAD24CD", "LAD24NM", ""},
		{UTLALookupFile, area.UTLA, "CTYUA23CD", "CTYUA23NM", ""},
		{ICBLookupFile, area.ICB, "ICB24CD", "ICB24NM", "ICB24CDH"},
		{SubICBFile, area.SubICB, "SICBL24CD", "SICBL24NM", "SICBL24CDH"},
		{NHSRegionFile, area.NHSRegion, "NHSER24CD", "NHSER24NM", "NHSER24CDH"},
		{RegionFile, area.Region, "RGN24CD", "RGN24NM", ""},
	}
	for _, n := range names {
		cols := []string{n.code, n.nm}
		if n.ods != "" {
			cols = append(cols, n.ods)
		}
		err := readFile(fsys, path.Join(dir, n.file), cols, func(t *table) {
			code := t.required(n.code)
			g.Names[n.t][code] = t.required(n.nm)
			if n.ods != "" {
				g.ODS[n.t][code] = t.get(n.ods)
			}
		})
		if err != nil {
			return nil, err
		}
		progress("area names", len(g.Names[n.t]), 0)
	}
	err := readFile(fsys, path.Join(dir, LSOALookupFile), []string{"LSOA21CD", "LSOA21NM", "SICBL24CD", "ICB24CD",
		"LAD24CD", "CTYUA23CD", "RGN24CD", "NHSER24CD", "census21_usual_residents"}, func(t *table) {
		l := area.LSOA{Code: t.required("LSOA21CD"), Name: t.get("LSOA21NM"),
			Population: t.count("census21_usual_residents"), In: map[area.Type]string{}}
		for col, typ := range map[string]area.Type{"SICBL24CD": area.SubICB, "ICB24CD": area.ICB, "LAD24CD": area.LTLA,
			"CTYUA23CD": area.UTLA, "RGN24CD": area.Region, "NHSER24CD": area.NHSRegion} {
			code := t.required(col)
			if _, ok := g.Names[typ][code]; code != "" && !ok {
				t.fail(col, "unknown %s code %q: it is not in the %s names lookup", typ, code, typ)
			}
			l.In[typ] = code
		}
		g.LSOAs = append(g.LSOAs, l)
		if len(g.LSOAs)%5000 == 0 {
			progress("LSOAs", len(g.LSOAs), 33755)
		}
	})
	if err != nil {
		return nil, err
	}
	progress("LSOAs", len(g.LSOAs), len(g.LSOAs))
	return g, nil
}

// readFile opens a CSV file and calls row for each row; it returns every
// problem found, with file, line and column.
func readFile(fsys fs.FS, name string, required []string, row func(*table)) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err // a *fs.PathError already names the file
	}
	defer f.Close()
	t, err := newTable(f, name, required...)
	if err != nil {
		return err
	}
	for t.next() {
		row(t)
	}
	return t.errs.err()
}
