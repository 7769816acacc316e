package source

import (
	"os"
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/census"
)

func readExcerpt(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/age_sex_excerpt.csv")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReadAgeSexExcerpt(t *testing.T) {
	body := readExcerpt(t)
	counts, rep, err := ReadAgeSexEstimates(strings.NewReader(body), "age_sex_excerpt.csv", knownLTLAs("E06000051", "E06000020"), NoProgress)
	if err != nil {
		t.Fatal(err)
	}
	// 3 authorities x 3 sexes x 19 bands; Anglesey's 57 rows are skipped,
	// and of the 114 English rows the 38 persons rows are only checked.
	if rep.Rows != 171 || rep.Skipped != 57 || rep.Areas != 2 || rep.Year != 2023 || len(counts) != 76 {
		t.Fatalf("report %+v with %d counts; want 171 rows, 57 skipped, 2 areas, 2023, 76 counts", rep, len(counts))
	}
	want := census.AgeSexCount{LTLA: "E06000051", Year: 2023, Sex: census.Males, Band: "0-4", Count: 7324}
	found := false
	for _, c := range counts {
		found = found || c == want
		if c.Sex == "persons" || strings.HasPrefix(c.LTLA, "W") {
			t.Errorf("unexpected row %+v", c)
		}
	}
	if !found {
		t.Errorf("Shropshire males 0-4 (line 2719 of the full file) not read as %+v", want)
	}
}

const ageSexHeader = "area_code,area_name,year,reference_date,sex,age_band,category_order,count,total\n"

func TestReadAgeSexBadInput(t *testing.T) {
	excerpt := readExcerpt(t)
	cases := []struct {
		name, body string
		want       []string
	}{
		{"missing column", "area_code,year,sex,count,total\nE06000051,2023,males,7324,162262\n",
			[]string{"bad.csv: line 1", `missing column "age_band"`}},
		{"unknown English code", ageSexHeader + "E06999999,Nowhere,2023,2023-06-30,males,0-4,1,5,10\n",
			[]string{"bad.csv: line 2, column 1 (area_code)", `unknown area code "E06999999"`}},
		{"bad count", ageSexHeader + "E06000051,Shropshire,2023,2023-06-30,males,0-4,1,73x4,162262\n",
			[]string{"line 2, column 8 (count)", `"73x4" is not a whole number`}},
		{"unknown sex", ageSexHeader + "E06000051,Shropshire,2023,2023-06-30,men,0-4,1,7324,162262\n",
			[]string{"line 2, column 5 (sex)", `"men" is not a sex`}},
		{"unknown band", ageSexHeader + "E06000051,Shropshire,2023,2023-06-30,males,0-5,1,7324,162262\n",
			[]string{"line 2, column 6 (age_band)", `unknown age band "0-5"`}},
		{"wrong date", ageSexHeader + "E06000051,Shropshire,2023,2023-01-01,males,0-4,1,7324,162262\n",
			[]string{"line 2, column 4 (reference_date)", "30 June"}},
		{"two years", ageSexHeader + "E06000051,Shropshire,2023,2023-06-30,males,0-4,1,7324,162262\nE06000051,Shropshire,2022,2022-06-30,males,5-9,2,8000,162262\n",
			[]string{"line 3, column 3 (year)", "one year at a time"}},
		{"duplicate", ageSexHeader + "E06000051,Shropshire,2023,2023-06-30,males,0-4,1,7324,162262\nE06000051,Shropshire,2023,2023-06-30,males,0-4,1,7324,162262\n",
			[]string{"line 3, column 6 (age_band)", "duplicate row"}},
		{"totals disagree", ageSexHeader + "E06000051,Shropshire,2023,2023-06-30,males,0-4,1,7324,162262\nE06000051,Shropshire,2023,2023-06-30,males,5-9,2,8000,162263\n",
			[]string{"line 3, column 9 (total)", "differs from 162262 on line 2"}},
		{"missing band", strings.Replace(excerpt, "E06000051,Shropshire,2023,2023-06-30,males,90+,19,1490,162262\n", "", 1),
			[]string{"bad.csv: line 97", "no males row for ages 90+"}},
		{"persons not the sum", strings.Replace(excerpt, "persons,0-4,1,14090,329260", "persons,0-4,1,14091,329260", 1),
			[]string{"sum to 329261, not to their total 329260"}},
		{"only Wales", ageSexHeader + "W06000001,Isle of Anglesey,2023,2023-06-30,males,0-4,1,1494,33929\n",
			[]string{"no English female or male rows"}},
		{"empty file", "", []string{"bad.csv: line 1", "empty"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			counts, _, err := ReadAgeSexEstimates(strings.NewReader(c.body), "bad.csv", knownLTLAs("E06000051", "E06000020"), NoProgress)
			if err == nil {
				t.Fatalf("no error; got %d counts", len(counts))
			}
			if counts != nil {
				t.Errorf("counts returned with an error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func FuzzReadAgeSexEstimates(f *testing.F) {
	f.Add(ageSexHeader + "E06000051,Shropshire,2023,2023-06-30,males,0-4,1,7324,162262\n")
	f.Add("a,b\n1,2\n")
	f.Fuzz(func(t *testing.T, body string) {
		counts, _, err := ReadAgeSexEstimates(strings.NewReader(body), "fuzz.csv", knownLTLAs("E06000051"), NoProgress)
		if err == nil && len(counts) == 0 {
			t.Fatal("no error and no counts")
		}
	})
}
