package source

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// "NaN" and "Inf" parse as floats but are no publisher's figure: each
// reader refuses them with the file, line and column, instead of storing
// a value that passes every range check and breaks the JSON later.
func TestNonFiniteNumbersRefused(t *testing.T) {
	for _, s := range []string{"NaN", "nan", "Inf", "-Inf", "+infinity"} {
		if _, err := parseFloat(s); err == nil {
			t.Errorf("parseFloat(%q): no error", s)
		}
		if _, err := parseNumber(s); err == nil {
			t.Errorf("parseNumber(%q): no error", s)
		}
	}
	if f, err := parseNumber(" 1,234.5 "); err != nil || f != 1234.5 {
		t.Errorf("parseNumber(1,234.5) = %v, %v", f, err)
	}

	wfHead := "area_code,area_name,period,care_need,sector,role,measure,value,source\n"
	_, _, err := ReadWorkforceTemplate(strings.NewReader(wfHead+"E06000051,,2023/24,specialist,all,all,filled_posts,NaN,x\n"),
		"t.csv", wfTestAreas(), wfTestTaxonomy(t), NoProgress)
	if err == nil || !strings.Contains(err.Error(), "t.csv: line 2, column 8 (value)") {
		t.Errorf("workforce template NaN: %v", err)
	}

	good := "D,1,Name,Provider,vcse,peer-support,,M33 7ZF,https://example.org,-2.3,53.4,,2025,"
	cells := strings.Split(good, ",")
	cells[9] = "NaN"
	_, _, err = ReadServicesTemplate(strings.NewReader(tmplHeader+strings.Join(cells, ",")+"\n"), "bad.csv", realTaxonomy(t), knownAreas())
	if err == nil || !strings.Contains(err.Error(), "bad.csv: line 2, column 10 (longitude)") {
		t.Errorf("services template NaN longitude: %v", err)
	}
}

// A file far bigger than any real one of its kind is refused with a
// message naming it, before it is all held in memory; a workbook that
// would unzip to more than maxUnzipped is refused too.
func TestWholeFileReadersCapped(t *testing.T) {
	huge := func() io.Reader {
		return io.MultiReader(strings.NewReader("a,b\n"), io.LimitReader(zeros{}, maxWholeFile+10))
	}
	want := "big.csv: the file is larger than 64 MB"
	if _, _, err := ReadSFC(huge(), "big.csv", sfcOptions(), NoProgress); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("SFC CSV: %v", err)
	}
	if _, err := ReadLGInform(huge(), "big.csv", nil, NoProgress); err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("LG Inform: %v", err)
	}
	if _, _, err := ReadSFC(huge(), "big.xlsx", sfcOptions(), NoProgress); err == nil || !strings.Contains(err.Error(), "big.xlsx: the file is larger than 64 MB") {
		t.Errorf("SFC workbook: %v", err)
	}

	// A small zip whose one entry unzips past the limit.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	if _, err := io.Copy(w, io.LimitReader(zeros{}, maxUnzipped+1)); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	if _, _, err := ReadSFC(&buf, "bomb.xlsx", sfcOptions(), NoProgress); err == nil || !strings.Contains(err.Error(), "bomb.xlsx: not a readable .xlsx workbook: unzip size exceeds") {
		t.Errorf("zip bomb: %v", err)
	}

	var cr cappedReader = cappedReader{r: strings.NewReader("12345"), file: "f", limit: 5}
	if b, err := io.ReadAll(&cr); err != nil || string(b) != "12345" {
		t.Errorf("a file of exactly the limit: %q, %v", b, err)
	}
}

// zeros is an endless stream of the byte '0'.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '0'
	}
	return len(p), nil
}
