package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mhatlas/mhatlas/internal/area"
)

// geoFS holds the real ONS lookup files, with the LSOA lookup cut to its
// first rows (all in the City of London and Barking and Dagenham).
func geoFS(t *testing.T, lsoaRows int, edit func(string) string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range []string{LADLookupFile, UTLALookupFile, ICBLookupFile, SubICBFile, NHSRegionFile, RegionFile, LSOALookupFile} {
		b, err := os.ReadFile(filepath.Join("..", "..", "data", "geo", f))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if f == LSOALookupFile {
			lines := strings.SplitAfter(s, "\n")
			s = strings.Join(lines[:lsoaRows+1], "")
			if edit != nil {
				s = edit(s)
			}
		}
		fsys["geo/"+f] = &fstest.MapFile{Data: []byte(s)}
	}
	return fsys
}

func TestReadGeographyExcerpt(t *testing.T) {
	g, err := ReadGeography(geoFS(t, 20, nil), "geo", NoProgress)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.LSOAs) != 20 {
		t.Fatalf("%d LSOAs", len(g.LSOAs))
	}
	// E01000001, City of London 001A: 1,474 residents, in LAD E09000001 and
	// ICB E54000029 (North Central London).
	l := g.LSOAs[0]
	if l.Code != "E01000001" || l.Population != 1474 || l.In[area.LTLA] != "E09000001" || l.In[area.ICB] != "E54000029" {
		t.Errorf("first LSOA %+v", l)
	}
	if g.Names[area.ICB]["E54000011"] != "NHS Shropshire, Telford and Wrekin Integrated Care Board" || g.ODS[area.ICB]["E54000011"] != "QOC" {
		t.Errorf("ICB name/ODS: %q %q", g.Names[area.ICB]["E54000011"], g.ODS[area.ICB]["E54000011"])
	}
}

func TestReadGeographyBadInput(t *testing.T) {
	cases := map[string]struct {
		edit func(string) string
		want string
	}{
		"unknown ICB code": {func(s string) string { return strings.Replace(s, "E54000029", "E54999999", 1) },
			"lsoa21_sicbl24_icb24_lad24_lookup.csv: line 2, column 5 (ICB24CD): unknown icb code \"E54999999\""},
		"non-numeric population": {func(s string) string { return strings.Replace(s, ",1474\n", ",14x4\n", 1) },
			"line 2, column 11 (census21_usual_residents): \"14x4\" is not a whole number"},
		"missing column": {func(s string) string { return strings.Replace(s, "RGN24CD", "REGION", 1) },
			"line 1: missing column \"RGN24CD\""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			g, err := ReadGeography(geoFS(t, 5, c.edit), "geo", NoProgress)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %q", err, c.want)
			}
			if g != nil {
				t.Error("geography returned with an error")
			}
		})
	}
}
