package source

import (
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/service"
)

func knownAreas(codes ...string) func(string) bool {
	m := map[string]bool{}
	for _, c := range codes {
		m[c] = true
	}
	return func(c string) bool { return m[c] }
}

func TestReadServicesTemplateMadeUp(t *testing.T) {
	dirs, rep, err := ReadServicesTemplate(openT(t, "testdata/services_madeup.csv"), "madeup.csv", realTaxonomy(t),
		knownAreas("E08000009", "E08000003"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) != 1 || rep.Rows != 3 || len(rep.Warnings) != 0 {
		t.Fatalf("%d directories, %d rows, warnings %v", len(dirs), rep.Rows, rep.Warnings)
	}
	d := dirs[0]
	if d.Name != "Made-up Alliance" || d.Publisher != "Made-up Alliance (test data)" || len(d.Covers) != 1 || len(d.Services) != 3 {
		t.Errorf("directory %+v", d)
	}
	a1, a2 := d.Services[0], d.Services[1]
	if a1.Key != "a1" || a1.Sector != service.VCSE || len(a1.Types) != 2 || a1.Groups[0] != "women" || a1.Point == nil ||
		a1.Serves[0] != "E08000003" || a1.Verified != "2025-01-15" || a1.Line != 2 {
		t.Errorf("A1: %+v", a1)
	}
	if a2.Point != nil || a2.Postcode != "M33 6WT" {
		t.Errorf("A2: %+v", a2)
	}
}

const tmplHeader = "directory,id,name,provider,sector,types,groups,postcode,website,longitude,latitude,serves,verified,directory_covers\n"

// Each bad cell is reported with its file, line, column and header.
func TestReadServicesTemplateBadInput(t *testing.T) {
	good := "D,1,Name,Provider,vcse,peer-support,,M33 7ZF,https://example.org,-2.3,53.4,,2025,"
	row := func(col int, v string) string {
		cells := strings.Split(good, ",")
		cells[col] = v
		return strings.Join(cells, ",")
	}
	cases := []struct {
		name, body string
		want       string
	}{
		{"missing column", "directory,id,name\nD,1,N\n", "bad.csv: line 1: missing column(s) provider, sector, types"},
		{"Trafford file", "name,description,address,postcode,telephone,website,longitude,latitude\n", "import it with `mhatlas import trafford"},
		{"empty name", tmplHeader + row(2, "") + "\n", "bad.csv: line 2, column 3 (name): a value is required"},
		{"unknown sector", tmplHeader + row(4, "charity") + "\n", `bad.csv: line 2, column 5 (sector): unknown sector "charity": use one of vcse, nhs, local-authority, independent`},
		{"unknown type", tmplHeader + row(5, "peer-support;yoga") + "\n", `line 2, column 6 (types): unknown service type "yoga"`},
		{"no type", tmplHeader + row(5, "") + "\n", "line 2, column 6 (types): give at least one service type id"},
		{"unknown group", tmplHeader + row(6, "pirates") + "\n", `line 2, column 7 (groups): unknown population group "pirates"`},
		{"website", tmplHeader + row(8, "javascript:alert(1)") + "\n", `line 2, column 9 (website): "javascript:alert(1)" must start with http:// or https://`},
		{"longitude only", tmplHeader + row(10, "") + "\n", "line 2, column 11 (latitude): give both longitude and latitude, or neither"},
		{"latitude twice", tmplHeader + row(9, "53.4") + "\n", `line 2, column 10 (longitude): "53.4" is a latitude, not a longitude`},
		{"swapped", tmplHeader + strings.Replace(row(9, "53.4"), ",53.4,,", ",-2.3,,", 1) + "\n", "line 2, column 10 (longitude): longitude 53.4 and latitude -2.3 look swapped"},
		{"not a number", tmplHeader + row(9, "2x") + "\n", `line 2, column 10 (longitude): "2x" is not a number`},
		{"unknown area", tmplHeader + row(11, "E99999999") + "\n", `line 2, column 12 (serves): "E99999999" is not an area code the atlas knows`},
		{"bad date", tmplHeader + row(12, "15/01/2025") + "\n", `line 2, column 13 (verified): "15/01/2025" is not a date`},
		{"duplicate id", tmplHeader + good + "\n" + good + "\n", `line 3, column 2 (id): this service repeats the one on line 2 (same key "1")`},
		{"coverage differs", tmplHeader + row(13, "E08000009") + "\n" + row(13, "E08000003") + "\n", `line 3, column 14 (directory_covers): differs from an earlier row`},
		{"no rows", tmplHeader, "no services found"},
		{"malformed CSV", tmplHeader + `D,"1` + "\n", "bad.csv: line 2"},
	}
	tax := realTaxonomy(t)
	for _, c := range cases {
		_, _, err := ReadServicesTemplate(strings.NewReader(c.body), "bad.csv", tax, knownAreas("E08000009", "E08000003"))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
	// A malformed postcode is a warning, not an error.
	_, rep, err := ReadServicesTemplate(strings.NewReader(tmplHeader+row(7, "WA154 1HF")+"\n"), "w.csv", tax, knownAreas())
	if err != nil || len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0].Error(), "w.csv: line 2, column 8 (postcode)") {
		t.Errorf("malformed postcode: %v, %v", err, rep.Warnings)
	}
}

func FuzzReadServicesTemplate(f *testing.F) {
	f.Add(tmplHeader + "D,1,Name,Provider,vcse,peer-support,,M33 7ZF,https://example.org,-2.3,53.4,,2025,\n")
	f.Add("directory,id\n\"a\nb\",1\n")
	tax := service.Taxonomy{Types: []service.Term{{ID: "peer-support", Name: "Peer support"}}}
	f.Fuzz(func(t *testing.T, body string) {
		dirs, _, err := ReadServicesTemplate(strings.NewReader(body), "fuzz.csv", tax, knownAreas("E08000009"))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.csv") {
				t.Errorf("error does not name the file: %v", err)
			}
			return
		}
		for _, d := range dirs {
			for _, s := range d.Services {
				if s.Key == "" || s.Name == "" || len(s.Types) == 0 {
					t.Errorf("accepted an incomplete service %+v", s)
				}
			}
		}
	})
}

func TestReadTaxonomy(t *testing.T) {
	tax := realTaxonomy(t)
	if len(tax.Types) != 18 || len(tax.Groups) != 14 || tax.Types[1].ID != "peer-support" {
		t.Errorf("%d types, %d groups, second type %q", len(tax.Types), len(tax.Groups), tax.Types[1].ID)
	}
	for _, c := range []struct{ body, want string }{
		{"id,name\nx,X\n", "bad.csv: line 1: the first column must be type_id"},
		{"type_id,name\nPeer Support,Peer\n", `bad.csv: line 2, column 1 (type_id): "Peer Support" is not a usable id: use lower-case letters, digits and hyphens, such as "peer-support"`},
		{"group_id,name\nwomen,Women\nwomen,Women again\n", `line 3, column 1 (group_id): this service repeats the one on line 2`},
		{"type_id,name\nx,\n", "line 2, column 2 (name): a value is required"},
		{"type_id,name\n", "no service types found"},
	} {
		_, _, err := ReadTaxonomy(strings.NewReader(c.body), "bad.csv")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.body, err, c.want)
		}
	}
}

func TestReadPostcodes(t *testing.T) {
	var got []service.Postcode
	rep, err := ReadPostcodes(openT(t, "testdata/postcodes_madeup.csv"), "pc.csv", func(p service.Postcode) (bool, error) {
		got = append(got, p)
		return true, nil
	}, NoProgress)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 3 || rep.Stored != 2 || rep.NoLocation != 1 || got[1].Postcode != "M33 7ZF" || got[1].Point.Lat != 53.425127 || got[1].LSOA != "E01006100" {
		t.Errorf("%+v %+v", rep, got)
	}
	for _, c := range []struct{ body, want string }{
		{"postcode,easting\nM1 1AA,1\n", "pc.csv: line 1: a postcode file needs"},
		{"postcode,lat,long\nM1 1AA,x,-2\n", `pc.csv: line 2, column 2 (lat): "x" is not a latitude`},
		{"postcode,lat,long\nM11 1AAA,53,-2\n", `line 2, column 1 (postcode): "M11 1AAA" is not a valid postcode`},
		{"postcode,lat,long\nM1 1AA,53,-2\nm11aa,53,-2\n", "line 3, column 1 (postcode): M1 1AA appears more than once"},
	} {
		seen := map[string]bool{}
		_, err := ReadPostcodes(strings.NewReader(c.body), "pc.csv", func(p service.Postcode) (bool, error) {
			if seen[p.Postcode] {
				return false, nil
			}
			seen[p.Postcode] = true
			return true, nil
		}, NoProgress)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.body, err, c.want)
		}
	}
}
