package atlas_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/mhatlas/mhatlas/internal/sqlite"
)

// svcOpenStore opens an empty store in a temporary folder.
func svcOpenStore(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "services.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// svcOSDir opens files by their paths relative to the package, as the
// command line does.
type svcOSDir struct{}

func (svcOSDir) Open(name string) (fs.File, error) { return os.Open(name) }

// svcFiles is a folder of small files written in the test.
type svcFiles map[string]string

func (f svcFiles) Open(name string) (fs.File, error) {
	m := fstest.MapFS{}
	for k, v := range f {
		m[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return m.Open(name)
}
