package main

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/source"
)

const lgExcerpt = "../../internal/source/testdata/lginform_turnover_excerpt.csv"

// cli runs mhatlas with args and returns what it printed.
func cli(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, &out, &errOut)
	return out.String() + errOut.String(), err
}

// The published-format kinds from the command line, into a new database.
func TestImportPublishedCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	for _, args := range [][]string{{"geography", "../../data/geo"}, {"roles", "../../data/workforce/roles.csv"}} {
		if out, err := cli(t, append([]string{"import", "--db", db}, args...)...); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	out, err := cli(t, "import", "--db", db, "nhs-fte", "../../data/"+atlas.DefaultNHSFTEFile, "../../data/"+atlas.DefaultNHSTrustsFile)
	if err != nil {
		t.Fatalf("nhs-fte: %v\n%s", err, out)
	}
	for _, want := range []string{
		"RXT Birmingham And Solihull Mental Health NHS Foundation Trust: Midlands; NHS Birmingham and Solihull Integrated Care Board (headquarters inside it)",
		"RPG Oxleas NHS Foundation Trust: London; NHS South East London Integrated Care Board (headquarters 440 m outside it, in NHS Kent and Medway Integrated Care Board of another region)",
		"for 44 mental health trusts (913 of 7272 rows) into dataset nhs-hchs-fte-mental-health-trusts",
		"note: Each mental health trust is placed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("nhs-fte output lacks %q:\n%s", want, out)
		}
	}
	out, err = cli(t, "import", "--db", db, "--dry-run", "lginform", lgExcerpt)
	if err != nil || !strings.Contains(out, "Dry run, nothing written: 5 indicators with 40 values from 9 rows") ||
		!strings.Contains(out, "warning: "+lgExcerpt+": line 12: area E08000038 (Barnsley (Metropolitan borough))") ||
		!strings.Contains(out, "lginform-19266: % ASC staff turnover (percentage; 2023/24; england, utla)") {
		t.Errorf("lginform dry run: %v\n%s", err, out)
	}
	// A Skills for Care sheet (made-up figure) whose file name gives no year.
	sheet := filepath.Join(t.TempDir(), "la-sheet.csv")
	if err := os.WriteFile(sheet, []byte("CSSR (LA area),Sector,Service,Job role,Vacancy rate\nShropshire,All sectors,All services,All job roles,0.08\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"sfc", sheet}, "--period"},
		{[]string{"sfc", "--period", "2023-24", sheet}, `period "2023-24" is not a financial year`},
		{[]string{"sfc", "../../internal/source/testdata/fingertips_madeup.csv"}, `missing column "CSSR (LA area)"`},
		{[]string{"ascof"}, "use mhatlas import [--db PATH] [--dry-run] ascof FILE"},
		{[]string{"nhs-fte", "only-one.csv"}, "nhs-fte FILE TRUSTS_FILE"},
		{[]string{"fingertips", lgExcerpt}, `missing column "Indicator ID"`},
	} {
		if out, err := cli(t, append([]string{"import", "--db", db}, c.args...)...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want %q\n%s", c.args, err, c.want, out)
		}
	}
}

// ASCOF ships in the default dataset and is served like any indicator:
// Hartlepool's 2020-21 1F is 15% (data/workforce/ascof_...csv, line 2).
func TestAPIASCOF(t *testing.T) {
	var d dataResp
	getJSON(t, "/api/v1/data?indicator=ascof-1f-mh-paid-work&type=utla&period=2020/21", 200, &d)
	found := false
	for _, v := range d.Values {
		if v.Code == "E06000001" {
			found = v.Value != nil && *v.Value == 15 && v.Denominator == nil
		}
	}
	if !found || d.England.Value == nil || *d.England.Value != 9 {
		t.Errorf("Hartlepool missing or wrong; England %v", d.England.Value)
	}
	// Only the percentage is published: the counts are unknown (null), not 0.
	var raw struct {
		Values []struct{ Numerator, Denominator *float64 }
	}
	getJSON(t, "/api/v1/data?indicator=ascof-1f-mh-paid-work&type=utla&period=2020/21", 200, &raw)
	if raw.Values[0].Numerator != nil || raw.Values[0].Denominator != nil {
		t.Errorf("counts %v / %v, want null", raw.Values[0].Numerator, raw.Values[0].Denominator)
	}
	var e struct {
		Error struct{ Code, Message string }
	}
	getJSON(t, "/api/v1/data?indicator=ascof-1f-mh-paid-work&type=icb", 400, &e)
	if !strings.Contains(e.Error.Message, "has no data for Integrated care boards") {
		t.Errorf("ICB message %q", e.Error.Message)
	}
}

// An LG Inform file imported while the server runs is served on the next
// request, and the data's ETag changes with it.
func TestImportLGInformWhileServing(t *testing.T) {
	resp, _ := get(t, "/api/v1/data?indicator=population&type=region")
	etag := resp.Header.Get("ETag")
	res, err := atlas.ImportLGInform(context.Background(), testAtlas.Store, osFiles{}, lgExcerpt, atlas.ImportOptions{Progress: source.NoProgress})
	if err != nil {
		t.Fatal(err)
	}
	if res.Values != 40 {
		t.Errorf("%d values", res.Values)
	}
	resp, _ = get(t, "/api/v1/data?indicator=population&type=region", "If-None-Match", etag)
	if resp.StatusCode != 200 || resp.Header.Get("ETag") == etag {
		t.Errorf("after an import: status %d, ETag %q (was %q)", resp.StatusCode, resp.Header.Get("ETag"), etag)
	}
	var d dataResp
	getJSON(t, "/api/v1/data?indicator=lginform-19270&type=utla", 200, &d)
	for _, v := range d.Values {
		// Blackburn with Darwen, residential care turnover 2023/24: 37.7%.
		if v.Code == "E06000008" && (v.Value == nil || math.Abs(*v.Value-37.7) > 1e-9) {
			t.Errorf("Blackburn with Darwen = %v", v.Value)
		}
	}
	// Seven councils in the excerpt are known to the atlas; the other 146
	// upper-tier authorities are listed with no value.
	n := 0
	for _, v := range d.Values {
		if v.Value != nil {
			n++
		}
	}
	if n != 7 || len(d.Values) != 153 || d.Period != "2023/24" || d.England.Value == nil || *d.England.Value != 27.1 {
		t.Errorf("%d values of %d, period %s, England %v", n, len(d.Values), d.Period, d.England.Value)
	}
}
