package source

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// fuzzSeeds are the fixtures and a few broken variants of them.
func fuzzSeeds(f *testing.F, fixtures ...string) {
	for _, name := range fixtures {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])
		f.Add(bytes.ReplaceAll(b, []byte(","), []byte(`,"`)))
	}
	f.Add([]byte(""))
	f.Add([]byte("\ufeff"))
}

// FuzzPublishedReaders feeds broken files to every reader of published
// per-area indicators: each must return figures or an error, never panic,
// and never a figure for an area it was not told about.
func FuzzPublishedReaders(f *testing.F) {
	fuzzSeeds(f, "fingertips_madeup.csv", "lginform_turnover_excerpt.csv", "ascof_excerpt.csv")
	known := lookup()
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, read := range []func() (*Published, error){
			func() (*Published, error) { return ReadFingertips(bytes.NewReader(data), "f.csv", known, NoProgress) },
			func() (*Published, error) { return ReadLGInform(bytes.NewReader(data), "f.csv", known, NoProgress) },
			func() (*Published, error) { return ReadASCOF(bytes.NewReader(data), "f.csv", known, NoProgress) },
		} {
			p, err := read()
			if err != nil {
				continue
			}
			for _, pi := range p.Indicators {
				for _, v := range pi.Values {
					if len(known(v.AreaCode)) == 0 {
						t.Fatalf("%s: value for unknown area %q", pi.ID, v.AreaCode)
					}
				}
			}
		}
	})
}

// FuzzReadSFCCSV feeds broken CSV exports of the Skills for Care sheet to
// its reader, which must not panic and must keep rates within 0 to 100.
func FuzzReadSFCCSV(f *testing.F) {
	var b strings.Builder
	for _, row := range madeUpSheet {
		b.WriteString(strings.Join(row, ",") + "\n")
	}
	f.Add([]byte(b.String()))
	f.Add([]byte("CSSR (LA area),Sector,Service,Job role,Vacancy rate\nShropshire,All sectors,All services,All job roles,1e400\n"))
	f.Add([]byte("CSSR (LA area),Sector,Service,Job role,Vacancy rate\n,,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, _, err := ReadSFC(bytes.NewReader(data), "f.csv", sfcOptions(), NoProgress)
		if err != nil {
			return
		}
		for _, r := range rs {
			if r.Value != nil && strings.HasSuffix(string(r.Measure), "_rate") && (*r.Value < 0 || *r.Value > 100) {
				t.Fatalf("rate %v out of range", *r.Value)
			}
		}
	})
}

// FuzzReadNHSFTE feeds broken NHS workforce files to their reader.
func FuzzReadNHSFTE(f *testing.F) {
	f.Add([]byte("period_end,org_code,org_name,org_type,is_mental_health_trust_2022,staff_group,fte\n" +
		"2017-09-30,RXT,Birmingham and Solihull Mental Health NHS Foundation Trust,NHS trust,Y,HCHS doctors,236.47\n"))
	f.Add([]byte("period_end,org_code,org_name,is_mental_health_trust_2022,staff_group,fte\n2017-09-30,RXT,x,Y,,-1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, _, err := ReadNHSFTE(bytes.NewReader(data), "f.csv", NoProgress)
		if err != nil {
			return
		}
		for _, r := range rows {
			if r.FTE < 0 || r.StaffGroup == "" {
				t.Fatalf("bad row %+v", r)
			}
		}
	})
}
