package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// A first start on an empty database loads the default dataset and says so;
// a second start on the same file reuses it without loading anything.
func TestStartLoadsOnceAndReuses(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "fresh.db")
	var first bytes.Buffer
	m, err := Start(ctx, Options{Addr: "127.0.0.1:0", DB: db, Progress: &first})
	if err != nil {
		t.Fatal(err)
	}
	v1, _ := m.Store.DataVersion(ctx)
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(first.String(), "First start: loading the embedded default dataset") || !strings.Contains(first.String(), "LSOAs") {
		t.Errorf("first start showed no progress: %q", first.String())
	}
	var second bytes.Buffer
	m2, err := Start(ctx, Options{Addr: "127.0.0.1:0", DB: db, Progress: &second})
	if err != nil {
		t.Fatal(err)
	}
	defer m2.Close()
	v2, _ := m2.Store.DataVersion(ctx)
	if second.Len() != 0 || v2 != v1 {
		t.Errorf("second start reloaded: %q, data version %d -> %d", second.String(), v1, v2)
	}
}

func TestCLIVersionAndUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"version"}, &out, &errOut); err != nil || !strings.HasPrefix(out.String(), "mhatlas ") {
		t.Errorf("version: %v %q", err, out.String())
	}
	if err := run(context.Background(), []string{"frobnicate"}, &out, &errOut); err == nil || !strings.Contains(err.Error(), "unknown command") {
		t.Errorf("unknown command: %v", err)
	}
}

func TestCLIImportDryRunWritesNothing(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "dry.db")
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"import", "--db", db, "--dry-run", "geography", "../../data/geo"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Dry run") || !strings.Contains(out.String(), "areas") {
		t.Errorf("output %q", out.String())
	}
	if err := run(ctx, []string{"migrate", "--db", db}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	m, err := Start(ctx, Options{Addr: "127.0.0.1:0", DB: db})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	// The dry run left the database empty, so Start loaded the default data
	// itself: the audit log holds that load and no geography import by the CLI.
	log, err := m.Store.AuditLog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range log {
		if strings.HasPrefix(e.Actor, "mhatlas import") {
			t.Errorf("dry run wrote: %+v", e)
		}
	}
	if len(log) == 0 {
		t.Error("empty audit log after a load")
	}
}

func TestHoistCommonFlags(t *testing.T) {
	got := strings.Join(hoistCommonFlags([]string{"services", "--dry-run", "FILE", "--db", "x.db"}), " ")
	if got != "--dry-run --db x.db services FILE" {
		t.Errorf("got %q", got)
	}
	got = strings.Join(hoistCommonFlags([]string{"workforce", "--dataset", "members", "--db=y.db", "F"}), " ")
	if got != "--db=y.db workforce --dataset members F" {
		t.Errorf("got %q", got)
	}
}

// A first start that was interrupted (the load began but never finished)
// is finished by the next start, not left half-loaded; a database filled
// by the user's own imports, with no default load begun, is left alone.
func TestStartFinishesAnInterruptedLoad(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "half.db")
	var out bytes.Buffer
	// Simulate the interruption: geography only, with the load marked begun.
	if err := run(ctx, []string{"import", "--db", db, "geography", "../../data/geo"}, &out, &out); err != nil {
		t.Fatal(err)
	}
	m, err := Start(ctx, Options{Addr: "127.0.0.1:0", DB: db})
	if err != nil {
		t.Fatal(err)
	}
	// Not begun by a default load: the user's geography is left as it is.
	if ms, _ := m.Store.Indicators(ctx); len(ms) != 0 {
		t.Errorf("a database the user filled got %d indicators loaded into it", len(ms))
	}
	if err := m.Store.SetSetting(ctx, defaultLoadKey, "started"); err != nil {
		t.Fatal(err)
	}
	m.Close()
	var progress bytes.Buffer
	m2, err := Start(ctx, Options{Addr: "127.0.0.1:0", DB: db, Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	defer m2.Close()
	if !strings.Contains(progress.String(), "did not finish: loading it again") {
		t.Errorf("progress %q", progress.String())
	}
	if ms, _ := m2.Store.Indicators(ctx); len(ms) < 24 {
		t.Errorf("after the finished load: %d indicators", len(ms))
	}
	if state, _ := m2.Store.Setting(ctx, defaultLoadKey); state != "complete" {
		t.Errorf("load state %q", state)
	}
}
