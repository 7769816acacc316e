package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// testAtlas is one real atlas for the package: a SQLite file filled with
// the embedded default dataset, served over real HTTP on a free port.
var testAtlas *Main

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "mhatlas-cmd-test")
	if err != nil {
		panic(err)
	}
	testAtlas, err = Start(context.Background(), Options{Addr: "127.0.0.1:0", DB: filepath.Join(dir, "atlas.db")})
	if err != nil {
		panic(err)
	}
	code := m.Run()
	testAtlas.Close()
	os.RemoveAll(dir)
	os.Exit(code)
}

func baseURL() string { return "http://" + testAtlas.Addr() }

// get fetches a path and returns the response with its body read.
func get(t testing.TB, path string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", baseURL()+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	// A transport that does not add Accept-Encoding itself, so tests see
	// exactly what the server sends.
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func getJSON(t testing.TB, path string, wantStatus int, v any) {
	t.Helper()
	resp, b := get(t, path)
	if resp.StatusCode != wantStatus {
		t.Fatalf("GET %s: status %d, want %d: %s", path, resp.StatusCode, wantStatus, b)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("GET %s: content type %q", path, ct)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v: %s", path, err, b)
	}
}
