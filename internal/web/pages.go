package web

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"strings"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/indicator"
)

//go:embed templates
var templateFS embed.FS

// basePage is embedded by every page's data: what the layout needs.
type basePage struct {
	Title string
	// Query is the search text, echoed in the header search box.
	Query string
	// Sources lists the datasets the page's numbers come from; the layout
	// prints them above the footer.
	Sources []string
}

// pageHandler renders a page or returns an error for the error page.
type pageHandler func(w http.ResponseWriter, r *http.Request) error

func parsePages(funcs template.FuncMap) (map[string]*template.Template, error) {
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		t, err := template.Must(layout.Clone()).ParseFS(templateFS, n)
		if err != nil {
			return nil, err
		}
		pages[strings.TrimSuffix(strings.TrimPrefix(n, "templates/pages/"), ".html")] = t
	}
	return pages, nil
}

// render executes a page into a buffer first, so a template error becomes
// a clean error page rather than half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("no page template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

type errorPage struct {
	basePage
	Status  int
	Message string
}

func (s *Server) page(h pageHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		code := atlas.ErrorCode(err)
		if code == atlas.CodeInternal {
			s.log.Error("page", "path", r.URL.RequestURI(), "err", err)
		}
		status := httpStatus(code)
		title := map[int]string{404: "Page not found", 400: "There is a problem with the request"}[status]
		if title == "" {
			title = "Sorry, there is a problem with the service"
		}
		p := errorPage{basePage: basePage{Title: title}, Status: status, Message: atlas.ErrorMessage(err)}
		if rerr := s.render(w, status, "error", p); rerr != nil {
			s.log.Error("error page", "err", rerr)
			http.Error(w, p.Message, status)
		}
	}
}

func (s *Server) notFoundPage(w http.ResponseWriter, r *http.Request) error {
	return atlas.Errorf(atlas.CodeNotFound, "If you typed the web address, check it is correct. You can search for an area by name above.")
}

func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"asset":      s.static.url,
		"fmtValue":   fmtValue,
		"fmtCount":   fmtCount,
		"fmtShare":   func(share float64) string { return fmt.Sprintf("%.1f%%", 100*share) },
		"fmtPct":     func(p float64) string { return fmt.Sprintf("%.1f%%", p) },
		"typeName":   func(t area.Type) string { return t.Info().Name },
		"typeShort":  func(t area.Type) string { return t.Info().Short },
		"typePlural": func(t area.Type) string { return t.Info().Plural },
		"json": func(v any) (string, error) {
			b, err := json.Marshal(v)
			return string(b), err
		},
		"lower":    strings.ToLower,
		"contains": strings.Contains,
		"fmtRange": fmtRange,
		"ptr":      func(v float64) *float64 { return &v },
		"float":    func(n int64) float64 { return float64(n) },
		"add":      func(a, b int) int { return a + b },
	}
}

// fmtValue formats a value for people: counts with thousands separators,
// percentages to one decimal place.
func fmtValue(vt indicator.ValueType, v *float64) string {
	if v == nil {
		return "no data"
	}
	switch vt {
	case indicator.Percentage:
		return fmt.Sprintf("%.1f%%", *v)
	case indicator.RatePer100k:
		return fmtRate(*v) + " per 100,000"
	}
	return fmtCount(*v)
}

// fmtCount rounds to a whole number and groups thousands: 56490108 ->
// "56,490,108". Apportioned counts are fractional; people read them whole.
func fmtCount(v float64) string {
	return fmtDecimal(v, 0)
}

func fmtDecimal(v float64, places int) string {
	neg := v < 0
	s := fmt.Sprintf("%.*f", places, math.Abs(v))
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String() + frac
	if neg {
		out = "-" + out
	}
	return out
}

// fmtRange writes a legend class: "2.6% to 3.9%", "129.1 to 202.5 per
// 100,000" (the unit once), or one value when the class holds only one.
func fmtRange(vt indicator.ValueType, lo, hi float64) string {
	if lo == hi {
		return fmtValue(vt, &lo)
	}
	if vt == indicator.RatePer100k {
		return fmtRate(lo) + " to " + fmtValue(vt, &hi)
	}
	return fmtValue(vt, &lo) + " to " + fmtValue(vt, &hi)
}

// fmtRate writes a rate's number. A rate that one decimal place would show
// as 0.0 (14 services in England) is not zero: it gets the places it needs.
func fmtRate(v float64) string {
	places := 1
	for r := math.Abs(v); r > 0 && r < 0.05 && places < 4; r *= 10 {
		places++
	}
	return fmtDecimal(v, places)
}
