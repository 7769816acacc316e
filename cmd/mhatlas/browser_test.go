package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// browser starts Debian's headless Chromium. Without it the test is skipped
// on a developer's machine but fails where MHATLAS_REQUIRE_BROWSER is set,
// as CI sets it, so the browser tests can never silently not run there.
func browser(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("MHATLAS_REQUIRE_BROWSER") != "" {
			t.Fatal("chromium not found and MHATLAS_REQUIRE_BROWSER is set: install Debian's chromium package")
		}
		t.Skip("chromium not installed; set MHATLAS_REQUIRE_BROWSER=1 to make this a failure")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.WindowSize(1280, 1000),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	return ctx
}

// artifact is where screenshots go, for people to look at after a run.
func artifact(t *testing.T, name string) string {
	dir := os.Getenv("MHATLAS_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "test-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, name)
}

// waitMap waits until the map in sel says it has drawn everything.
func waitMap(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](fmt.Sprintf(`(() => { const m = document.querySelector(%q); return m && m.dataset.ready === "true"; })()`, sel),
		chromedp.WithPollingTimeout(30*time.Second))
}

func must[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserAtlas opens the atlas as a user would: sees the 42 ICBs filled,
// hovers one and reads its value, clicks it and lands on its profile.
func TestBrowserAtlas(t *testing.T) {
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(baseURL()+"/?indicator=bad-health-share&type=icb"), waitMap("#atlas-map"))
	filled := must(t, ctx, chromedp.Evaluate[int](`[...document.querySelectorAll("#atlas-map path.atlas-area[data-code]")]
		.filter(p => { const f = p.getAttribute("fill"); return f && f !== "none" && p.dataset.missing !== "true"; }).length`))
	os.WriteFile(artifact(t, "atlas-icb.jpg"), must(t, ctx, chromedp.FullScreenshot(90)), 0o644)
	if filled != 42 {
		t.Fatalf("%d filled ICB shapes, want 42", filled)
	}

	// Hover over NHS Shropshire, Telford and Wrekin ICB and read the tooltip.
	// Scroll the area into view first: what sits above the map can grow.
	box := must(t, ctx, chromedp.Evaluate[[]float64](`(() => { const p = document.querySelector('path.atlas-area[data-code="E54000011"]');
		p.scrollIntoView({block: "center"}); const r = p.getBoundingClientRect();
		return [r.x + r.width/2, r.y + r.height/2]; })()`))
	do(t, ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box[0], box[1]),
		chromedp.Poll[chromedp.Void](`(() => { const t = document.querySelector(".atlas-tooltip"); return t && !t.hidden && t.textContent.length > 0; })()`,
			chromedp.WithPollingTimeout(5*time.Second)))
	tip := must(t, ctx, chromedp.Evaluate[string](`document.querySelector(".atlas-tooltip").textContent`))
	// 27,801 of 509,154 residents: 5.5% to one decimal place.
	if !strings.Contains(tip, "Shropshire, Telford and Wrekin") || !strings.Contains(tip, "5.5%") {
		t.Errorf("tooltip %q", tip)
	}

	// Click it: the profile opens.
	do(t, ctx, chromedp.MouseClickXY(box[0], box[1]))
	// The click navigates, which ends the page's JavaScript context, so the
	// wait happens here rather than in the page.
	var url string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if url = must(t, ctx, chromedp.Location()); strings.Contains(url, "/areas/") {
			break
		}
	}
	do(t, ctx, chromedp.WaitVisible("h1"))
	h1 := must(t, ctx, chromedp.Text("h1"))
	if !strings.Contains(url, "/areas/E54000011") || !strings.Contains(h1, "Shropshire, Telford and Wrekin") {
		t.Errorf("after click: %s %q", url, h1)
	}
	do(t, ctx, waitMap("#locator-map"))
	os.WriteFile(artifact(t, "profile-icb.jpg"), must(t, ctx, chromedp.FullScreenshot(80)), 0o644)
}

// axeViolation is the part of an axe-core result the test reports.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// axeCheck runs axe-core on the page and fails on serious or critical
// violations.
func axeCheck(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	axe, err := os.ReadFile(filepath.Join("..", "..", "internal", "web", "testdata", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	// Injected through the DevTools protocol, which the page's content
	// security policy does not govern.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](string(axe)+";undefined"))
	raw := must(t, ctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`,
		chromedp.EvalAwaitPromise))
	var vs []axeViolation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	for _, v := range vs {
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Errorf("%s: %s (%s): %s, at %v", what, v.ID, v.Impact, v.Help, v.Nodes)
		} else {
			t.Logf("%s: minor: %s (%s)", what, v.ID, v.Impact)
		}
	}
}

// TestBrowserAccessibility runs axe-core on the atlas and on profiles and
// fails on any serious or critical violation.
func TestBrowserAccessibility(t *testing.T) {
	ctx := browser(t)
	pages := []struct{ path, ready string }{
		{"/", "#atlas-map"},
		{"/?indicator=female-share&type=ltla&area=E08000009", "#atlas-map"},
		{"/areas/E54000011", "#locator-map"},
		{"/areas/E92000001", ""},
		{"/search?q=north", ""},
		{"/sources", ""},
		{"/areas/E00000000", ""},
	}
	for _, p := range pages {
		do(t, ctx, chromedp.Navigate(baseURL()+p.path))
		if p.ready != "" {
			do(t, ctx, waitMap(p.ready))
		}
		axeCheck(t, ctx, p.path)
	}
}
