package web

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/mhatlas/mhatlas/internal/area"
)

// The search redirect stays on the site whatever code an imported lookup
// holds: http.Redirect cleans "/areas/../../\evil.example" to
// "/\evil.example", which browsers read as another host.
func TestProfileURLStaysOnSite(t *testing.T) {
	for code, want := range map[string]string{
		"E08000009":           "/areas/E08000009?type=ltla",
		`../../\evil.example`: "/areas/..%2F..%2F%5Cevil.example?type=ltla",
		"//evil.example":      "/areas/%2F%2Fevil.example?type=ltla",
		"x?type=icb#y":        "/areas/x%3Ftype=icb%23y?type=ltla",
	} {
		got := profileURL(area.Area{Code: code, Type: area.LTLA})
		if got != want {
			t.Errorf("%q: %s, want %s", code, got, want)
		}
		rec := httptest.NewRecorder()
		http.Redirect(rec, httptest.NewRequest("GET", "/search?q=x", nil), got, http.StatusSeeOther)
		if loc := rec.Header().Get("Location"); len(loc) < 2 || loc[0] != '/' || loc[1] == '/' || loc[1] == '\\' {
			t.Errorf("%q: redirects to %q", code, loc)
		}
	}
}
