package source

import (
	"strings"
	"testing"

	"github.com/mhatlas/mhatlas/internal/service"
)

// The files below are made up for the tests: not real services.

// A directory as a spreadsheet saves it: headers in capitals and with
// spaces, a byte order mark, CRLF line ends and two empty rows at the end.
func TestReadServicesTemplateFromSpreadsheet(t *testing.T) {
	body := "\ufeffDirectory,ID,Name,Provider,Sector,Types,Directory covers,Postcode\r\n" +
		"Made-up Network,M1,Made-up group,Made-up Charity,vcse,peer-support,E06000051,sy1 1aa\r\n" +
		",,,,,,,\r\n,,,,,,,\r\n"
	dirs, rep, err := ReadServicesTemplate(strings.NewReader(body), "members.csv", realTaxonomy(t), knownAreas("E06000051"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) != 1 || rep.Rows != 1 || dirs[0].Covers[0] != "E06000051" || dirs[0].Services[0].Postcode != "SY1 1AA" {
		t.Errorf("%+v %+v", dirs, rep)
	}
	if len(rep.Warnings) != 1 || rep.Warnings[0].Error() != "members.csv: line 3: 2 empty row(s) skipped (lines 3, 4)" {
		t.Errorf("warnings %v", rep.Warnings)
	}
}

// Files that are not UTF-8 CSV, and a template file missing a column, are
// refused with what to do about it.
func TestReadServicesTemplateWrongFile(t *testing.T) {
	cp1252 := tmplHeader + "D,1,Men\x92s group,Provider,vcse,peer-support,,,,,,,,\n"
	for _, c := range []struct{ name, body, want string }{
		{"Excel workbook", "PK\x03\x04\x14\x00\x06\x00", "members.csv: line 1: this is an Excel workbook (.xlsx) or a zip file, not a CSV file"},
		{"UTF-16", "\xff\xfed\x00i\x00r\x00", "members.csv: line 1: this file is UTF-16 text"},
		{"Windows code page", cp1252, "members.csv: line 2, column 3 (name): this cell is not UTF-8 text"},
		// Not the Trafford format just because the directory column is
		// missing.
		{"no directory column", "id,name,provider,sector,types,description,address,postcode,telephone,website,longitude,latitude\n1,N,P,vcse,advocacy,,,,,,,\n",
			"members.csv: line 1: missing column(s) directory: the template needs"},
	} {
		_, _, err := ReadServicesTemplate(strings.NewReader(c.body), "members.csv", realTaxonomy(t), knownAreas())
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
}

// A postcode file with capitalised headers, as some postcode downloads
// have them, is read; the zip the ONS Postcode Directory comes in is not.
func TestReadPostcodesCapitalisedOrZipped(t *testing.T) {
	var got []service.Postcode
	put := func(p service.Postcode) (bool, error) { got = append(got, p); return true, nil }
	rep, err := ReadPostcodes(strings.NewReader("Postcode,In Use?,Latitude,Longitude,LSOA21CD\nSY13 1AA,Yes,52.969567,-2.683098,E01028977\n"),
		"pc.csv", put, NoProgress)
	if err != nil || rep.Stored != 1 || got[0].Postcode != "SY13 1AA" || got[0].Point.Lon != -2.683098 || got[0].LSOA != "E01028977" {
		t.Errorf("%+v %+v %v", rep, got, err)
	}
	_, err = ReadPostcodes(strings.NewReader("PK\x03\x04rest"), "ONSPD_FEB_2025_UK.zip", put, NoProgress)
	if err == nil || !strings.Contains(err.Error(), "or unzip the download") {
		t.Errorf("zip: %v", err)
	}
}
