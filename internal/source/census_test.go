package source

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func knownLTLAs(codes ...string) func(string) bool {
	m := map[string]bool{}
	for _, c := range codes {
		m[c] = true
	}
	return func(c string) bool { return m[c] }
}

func TestReadCensusExcerpt(t *testing.T) {
	f, err := os.Open("testdata/sex_excerpt.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	counts, rep, err := ReadCensus(f, "sex_excerpt.csv", knownLTLAs("E06000051", "E06000020"), NoProgress)
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) != 4 || rep.Rows != 6 || rep.Skipped != 2 {
		t.Fatalf("got %d counts, %d rows, %d skipped; want 4, 6, 2", len(counts), rep.Rows, rep.Skipped)
	}
	for _, c := range counts {
		if c.LTLA == "E06000051" && c.Category == "Female" && (c.Count != 163927 || c.Total != 323619 || c.Table != "sex") {
			t.Errorf("Shropshire female row = %+v", c)
		}
	}
}

const header = "area_code,area_name,topic,table_id,category_level,parent_category,category,category_order,count,total\n"

func TestReadCensusBadInput(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string // substrings of the error
	}{
		{"missing column", "area_code,area_name,topic,table_id,category,total\nE06000051,Shropshire,sex,TS009,Female,323619\n",
			[]string{"bad.csv: line 1", `missing column "count"`}},
		{"unknown area code", header + "E06000051,Shropshire,sex,TS009,1,,Female,1,163927,323619\nE06999999,Nowhere,sex,TS009,1,,Female,1,5,10\n",
			[]string{"bad.csv: line 3, column 1 (area_code)", `unknown area code "E06999999"`}},
		{"non-numeric count", header + "E06000051,Shropshire,sex,TS009,1,,Female,1,16x927,323619\n",
			[]string{"bad.csv: line 2, column 9 (count)", `"16x927" is not a whole number`}},
		{"negative count", header + "E06000051,Shropshire,sex,TS009,1,,Female,1,-5,323619\n",
			[]string{"line 2, column 9 (count)", "negative"}},
		{"unknown category", header + "E06000051,Shropshire,sex,TS009,1,,Other,1,5,323619\n",
			[]string{"line 2, column 7 (category)", `unknown category "Other"`}},
		{"duplicate row", header + "E06000051,Shropshire,sex,TS009,1,,Female,1,163927,323619\nE06000051,Shropshire,sex,TS009,1,,Female,1,163927,323619\n",
			[]string{"line 3", "duplicate row", "line 2"}},
		{"totals disagree", header + "E06000051,Shropshire,sex,TS009,1,,Female,1,163927,323619\nE06000051,Shropshire,sex,TS009,1,,Male,2,159692,323620\n",
			[]string{"line 3, column 10 (total)", "differs"}},
		{"malformed CSV", header + "E06000051,\"Shrop,sex\n",
			[]string{"bad.csv: line 2"}},
		{"empty file", "", []string{"bad.csv: line 1", "empty"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			counts, _, err := ReadCensus(strings.NewReader(c.body), "bad.csv", knownLTLAs("E06000051"), NoProgress)
			if err == nil {
				t.Fatalf("no error; got %d counts", len(counts))
			}
			if counts != nil {
				t.Errorf("counts returned with an error: %v", counts)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestErrorsCollectsSeveral(t *testing.T) {
	body := header + "E06000051,Shropshire,sex,TS009,1,,Female,1,x,323619\nE06000051,Shropshire,sex,TS009,1,,Male,2,y,323619\n"
	_, _, err := ReadCensus(strings.NewReader(body), "two.csv", knownLTLAs("E06000051"), NoProgress)
	var es Errors
	if !errors.As(err, &es) || len(es) != 2 {
		t.Fatalf("want 2 errors, got %v", err)
	}
	if es[0].Line != 2 || es[1].Line != 3 || es[0].Column != 9 {
		t.Errorf("positions: %+v %+v", es[0], es[1])
	}
}

func FuzzReadCensus(f *testing.F) {
	f.Add(header + "E06000051,Shropshire,sex,TS009,1,,Female,1,163927,323619\n")
	f.Add("a,b\n1,2\n")
	f.Fuzz(func(t *testing.T, body string) {
		counts, _, err := ReadCensus(strings.NewReader(body), "fuzz.csv", knownLTLAs("E06000051"), NoProgress)
		if err == nil && len(counts) == 0 {
			t.Fatal("no error and no counts")
		}
	})
}
