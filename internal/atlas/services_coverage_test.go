package atlas_test

import (
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/data"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/service"
)

// shropshireDirectory is a made-up membership body's directory (not real
// services) that sets out to cover Shropshire (E06000051): what a body
// outside Trafford would import with the template.
const shropshireDirectory = `directory,publisher,licence,directory_covers,id,name,provider,sector,types,groups,longitude,latitude
Made-up Shropshire Network,Made-up Shropshire Network (test data),Made up for tests: not real,E06000051,S1,Made-up hearing voices group,Made-up Mind,vcse,peer-support,,-2.7522,52.7077
Made-up Shropshire Network,,,,S2,Made-up befriending,Made-up Befrienders,vcse,befriending;peer-support,older-people,-3.0537,52.8597
`

// A membership body's directory that covers its own area in full makes the
// counts there complete: Trafford's directory, which covers only Trafford,
// says nothing about Shropshire, and the Shropshire directory nothing about
// Trafford. An area neither covers in full (Greater Manchester ICB, where
// Trafford's directory covers 8.2% of residents) stays incomplete, and the
// NHS files, which record only hospitals and trust headquarters, never
// stand in for a directory of every kind of service.
func TestCoverageOfTwoLocalDirectories(t *testing.T) {
	im, ctx := importOnto(t)
	if _, err := im.ImportNHS(ctx, data.FS, atlas.DefaultNHSTrusts, atlas.DefaultNHSHospitals); err != nil {
		t.Fatal(err)
	}
	if _, err := im.ImportTrafford(ctx, data.FS, atlas.DefaultTrafford, atlas.DefaultTraffordClasses); err != nil {
		t.Fatal(err)
	}
	if _, err := im.ImportTemplate(ctx, svcFiles{"shropshire.csv": shropshireDirectory}, "shropshire.csv"); err != nil {
		t.Fatal(err)
	}
	svcs := &atlas.Services{Atlas: &atlas.Service{Store: im.Store}, Store: im.Services}
	for _, c := range []struct {
		code       string
		f          service.Filter
		incomplete bool
		none       bool
		note       string
	}{
		{"E06000051", service.Filter{}, false, false, ""},                             // Shropshire
		{"E06000051", service.Filter{Type: "peer-support"}, false, false, ""},         // its 2 groups, complete
		{"E08000009", service.Filter{}, false, false, ""},                             // Trafford
		{"E08000009", service.Filter{Group: "older-people"}, false, false, ""},        // both record groups
		{"E54000057", service.Filter{}, true, false, "covers only 8.2% of residents"}, // GM ICB
		// Leeds: neither local directory covers it; only the NHS files do.
		{"E08000035", service.Filter{}, true, false, "Not covered by Made-up Shropshire Network; Mental Health Services for Trafford Residents"},
		{"E08000035", service.Filter{Type: "peer-support"}, false, true, "do not), so there is no figure"},
	} {
		l, err := svcs.List(ctx, c.code, c.f)
		if err != nil {
			t.Fatal(err)
		}
		cov := l.Coverage
		if cov.Incomplete != c.incomplete || cov.None != c.none || !strings.Contains(cov.Note, c.note) {
			t.Errorf("%s %+v: %+v", c.code, c.f, cov)
		}
	}
}
