package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/mhatlas/mhatlas/data"
	"github.com/mhatlas/mhatlas/internal/atlas"
	"github.com/mhatlas/mhatlas/internal/source"
	"github.com/mhatlas/mhatlas/internal/sqlite"
	"github.com/mhatlas/mhatlas/internal/web"
)

func serve(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dbPath := fs.String("db", defaultDB, "SQLite database file (created and filled with the default data if empty)")
	tiles := fs.String("tiles", "", "optional raster tile URL template ({z}/{x}/{y}) drawn under the map")
	tilesAttr := fs.String("tiles-attribution", "", "attribution for --tiles")
	verbose := fs.Bool("v", false, "log every request")
	if err := fs.Parse(args); err != nil {
		return err
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	m, err := Start(ctx, Options{Addr: *addr, DB: *dbPath, TileURL: *tiles, TileAttribution: *tilesAttr, Log: log, Progress: stderr})
	if err != nil {
		return err
	}
	log.Info("mhatlas is ready", "url", "http://"+m.Addr(), "db", *dbPath)
	<-ctx.Done()
	log.Info("shutting down")
	return m.Close()
}

// Options configures a running atlas.
type Options struct {
	Addr, DB                 string
	TileURL, TileAttribution string
	Log                      *slog.Logger
	// Progress receives the progress of a first load; nil for silence.
	Progress io.Writer
}

// Main is a running atlas: store, HTTP server and listener. Tests start one
// on port 0 and talk to it over real HTTP.
type Main struct {
	Store  *sqlite.Store
	server *http.Server
	ln     net.Listener
	done   chan error
}

// Start opens the store, loads the default data into an empty one, and
// starts serving.
func Start(ctx context.Context, o Options) (*Main, error) {
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	st, err := sqlite.Open(ctx, o.DB)
	if err != nil {
		return nil, err
	}
	if err := loadIfEmpty(ctx, st, o); err != nil {
		st.Close()
		return nil, err
	}
	bounds := &atlas.BoundaryLayers{FS: data.FS, Path: "geo/england_boundaries.topojson"}
	go func() {
		if err := bounds.Warm(context.Background()); err != nil {
			o.Log.Error("boundaries", "err", err)
		}
	}()
	svc := &atlas.Service{Store: st, Providers: []atlas.Provider{&atlas.WorkforceProvider{Store: st, WF: st}}}
	services := &atlas.Services{Atlas: svc, Store: st}
	svc.Providers = append(svc.Providers, &atlas.ServiceIndicators{Services: services})
	srv, err := web.New(web.Config{Service: svc, Services: services, Boundaries: bounds, Logger: o.Log,
		TileURL: o.TileURL, TileAttribution: o.TileAttribution})
	if err != nil {
		st.Close()
		return nil, err
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		st.Close()
		return nil, err
	}
	m := &Main{Store: st, ln: ln, done: make(chan error, 1), server: newHTTPServer(srv.Handler(), o.Log)}
	go func() { m.done <- m.server.Serve(ln) }()
	return m, nil
}

// newHTTPServer bounds how long a client may hold a connection: slow
// headers or bodies, and idle keep-alives, are cut off rather than
// piling up. Every route is a GET answered from the store, so a minute
// to write is generous; the headers are capped well below the default.
func newHTTPServer(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{Handler: h,
		ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
}

// defaultLoadKey records the state of the default dataset's load:
// "started" while it runs, "complete" when it has finished.
const defaultLoadKey = "default_load"

// loadIfEmpty loads the embedded default dataset into an empty database,
// or finishes a load that an earlier start began but did not complete (it
// was interrupted, say): every import replaces its own dataset, so running
// the whole load again is safe. A database filled by other imports is left
// alone.
func loadIfEmpty(ctx context.Context, st *sqlite.Store, o Options) error {
	empty, err := st.Empty(ctx)
	if err != nil {
		return err
	}
	state, err := st.Setting(ctx, defaultLoadKey)
	if err != nil {
		return err
	}
	if !empty && state != "started" {
		return nil
	}
	w := o.Progress
	if w == nil {
		w = io.Discard
	}
	if empty {
		fmt.Fprintf(w, "First start: loading the embedded default dataset into %s\n", o.DB)
	} else {
		fmt.Fprintf(w, "The last load of the default dataset into %s did not finish: loading it again\n", o.DB)
	}
	start := time.Now()
	st.Actor = "mhatlas serve (first start)"
	if err := loadDefault(ctx, st, newProgress(w)); err != nil {
		return fmt.Errorf("loading the default dataset: %w", err)
	}
	fmt.Fprintf(w, "Loaded in %.1fs\n", time.Since(start).Seconds())
	return nil
}

// loadDefault runs the default load, recording that it started and that it
// finished.
func loadDefault(ctx context.Context, st *sqlite.Store, progress source.Progress) error {
	if err := st.SetSetting(ctx, defaultLoadKey, "started"); err != nil {
		return err
	}
	if err := atlas.LoadDefault(ctx, st, data.FS, progress); err != nil {
		return err
	}
	return st.SetSetting(ctx, defaultLoadKey, "complete")
}

// Addr is the address the atlas listens on.
func (m *Main) Addr() string { return m.ln.Addr().String() }

// Close stops the server gracefully and closes the store.
func (m *Main) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := m.server.Shutdown(ctx)
	if serr := <-m.done; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if cerr := m.Store.Close(); err == nil {
		err = cerr
	}
	return err
}
