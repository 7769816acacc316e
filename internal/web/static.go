package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed static
var staticFS embed.FS

// staticFiles serves the embedded assets. Pages link them with a content
// hash in the query, so browsers may cache them for a year and still never
// see a stale copy after an upgrade.
type staticFiles struct {
	hashes map[string]string
	start  time.Time
}

func newStaticFiles() (*staticFiles, error) {
	sf := &staticFiles{hashes: map[string]string{}, start: time.Now()}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		sf.hashes[strings.TrimPrefix(p, "static/")] = hex.EncodeToString(sum[:6])
		return nil
	})
	return sf, err
}

// url returns the versioned URL of an asset; it panics for a missing one so
// that a template naming a file that does not exist fails in tests.
func (sf *staticFiles) url(name string) string {
	h, ok := sf.hashes[name]
	if !ok {
		panic("static asset not found: " + name)
	}
	return "/static/" + name + "?v=" + h
}

func (sf *staticFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/static/")
	h, ok := sf.hashes[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	b, _ := staticFS.ReadFile("static/" + name)
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	if r.URL.Query().Get("v") == h {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "public, max-age=300")
	}
	http.ServeContent(w, r, name, sf.start, bytes.NewReader(b))
}
