package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// membersFile is a made-up membership body's return in the workforce
// template (not real figures): NHS Shropshire, Telford and Wrekin ICB is
// Shropshire and Telford and Wrekin, so its voluntary-sector mental health
// filled posts are 70 + 30 = 100 and its vacancy rate
// (7 + 3) / (100 + 10) = 9.0909%.
const membersFile = `area_code,area_name,period,care_need,sector,role,measure,value,source
E06000051,Shropshire,2022/23,mental-health,voluntary,all,filled_posts,70,made-up members' return
E06000051,Shropshire,2022/23,mental-health,voluntary,all,vacancies,7,made-up members' return
E06000020,Telford and Wrekin,2022/23,mental-health,voluntary,all,filled_posts,30,made-up members' return
E06000020,Telford and Wrekin,2022/23,mental-health,voluntary,all,vacancies,3,made-up members' return
`

// TestWorkforceImportWhileServing imports a file with the command line
// into the database a running atlas serves: the next request shows the
// new figures under a new ETag, and the old ETag no longer matches.
func TestWorkforceImportWhileServing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	m, err := Start(context.Background(), Options{Addr: "127.0.0.1:0", DB: db})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	url := "http://" + m.Addr() + "/api/v1/data?indicator=wf-vacancy-rate&type=icb&sector=voluntary"
	before, etag := fetchData(t, url, "")
	if before.Dataset != nil {
		t.Fatalf("a dataset answers before the import: %+v", before.Dataset)
	}
	file := filepath.Join(dir, "members.csv")
	if err := os.WriteFile(file, []byte(membersFile), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errs strings.Builder
	err = run(context.Background(), []string{"import", "--db", db, "workforce", "--dataset", "members-2022-23",
		"--publisher", "A membership body (made-up test figures)", file}, &out, &errs)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, errs.String())
	}
	if !strings.Contains(out.String(), "Imported 4 figures") {
		t.Errorf("import said %q", out.String())
	}
	after, etag2 := fetchData(t, url, etag)
	if etag2 == etag || etag2 == "" {
		t.Errorf("ETag %q did not change", etag2)
	}
	if after.Dataset == nil || after.Dataset.ID != "members-2022-23" || after.Period != "2022/23" {
		t.Fatalf("after the import: %+v", after)
	}
	if v := after.value("E54000011"); v == nil || *v != 100*10.0/110 {
		t.Errorf("vacancy rate %v, want 9.0909", v)
	}
}

// fetchData gets a data URL, sending If-None-Match; a 304 would mean the
// client kept stale figures, so the test wants 200 every time.
func fetchData(t *testing.T, url, etag string) (wfData, string) {
	t.Helper()
	req, _ := newRequest(url)
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	resp, err := clientDo(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s (If-None-Match %s): %d %s", url, etag, resp.StatusCode, b)
	}
	var d wfData
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return d, resp.Header.Get("ETag")
}

func newRequest(url string) (*http.Request, error) { return http.NewRequest("GET", url, nil) }

func clientDo(req *http.Request) (*http.Response, error) {
	return (&http.Transport{DisableCompression: true}).RoundTrip(req)
}
