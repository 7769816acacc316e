package atlas

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sync"

	"github.com/mhatlas/mhatlas/internal/area"
	"github.com/mhatlas/mhatlas/internal/geo"
)

// BoundaryLayers builds the display copy of each area type's boundaries
// from the shipped full-resolution TopoJSON, once, and keeps it gzipped in
// memory. Geometry calculations never use this copy.
type BoundaryLayers struct {
	FS   fs.FS
	Path string // the TopoJSON file inside FS

	once  sync.Once
	topo  *geo.Topology
	err   error
	mu    sync.Mutex
	built map[area.Type]builtLayer
}

type builtLayer struct {
	gz  []byte
	tag string
}

func (b *BoundaryLayers) load() {
	f, err := b.FS.Open(b.Path)
	if err != nil {
		b.err = err
		return
	}
	defer f.Close()
	b.topo, b.err = geo.ReadTopology(f)
}

// Display implements the web layer's boundary source.
func (b *BoundaryLayers) Display(ctx context.Context, t area.Type) ([]byte, string, error) {
	spec, ok := geo.DisplayLayers[string(t)]
	if !ok {
		return nil, "", Errorf(CodeNotFound, "There are no boundaries to draw for %s; choose another area type.", t.Info().Plural)
	}
	b.once.Do(b.load)
	if b.err != nil {
		return nil, "", fmt.Errorf("boundaries %s: %w", b.Path, b.err)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if l, ok := b.built[t]; ok {
		return l.gz, l.tag, nil
	}
	raw, err := geo.DisplayLayer(b.topo, spec.Object, spec.CodeProp, spec.NameProp, geo.DisplayOptionsFor(spec.Object))
	if err != nil {
		return nil, "", fmt.Errorf("boundaries %s: %w", t, err)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(raw)
	zw.Close()
	sum := sha256.Sum256(raw)
	if b.built == nil {
		b.built = map[area.Type]builtLayer{}
	}
	l := builtLayer{gz: buf.Bytes(), tag: hex.EncodeToString(sum[:8])}
	b.built[t] = l
	return l.gz, l.tag, nil
}

// Warm builds every layer, so the first visitor does not wait.
func (b *BoundaryLayers) Warm(ctx context.Context) error {
	for key := range geo.DisplayLayers {
		if _, _, err := b.Display(ctx, area.Type(key)); err != nil {
			return err
		}
	}
	return nil
}
