package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// waitServices waits until the map and the services layer say they have
// drawn everything. It polls on a timer: after a navigation the page starts
// (a form submitted by a select), animation frames do not always run in
// headless Chromium, so a frame-driven poll can wait for ever.
func waitServices() chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](`(() => { const m = document.querySelector("#atlas-map"), p = document.querySelector("#services-panel");
		return m && m.dataset.ready === "true" && p && p.dataset.ready === "true"; })()`,
		chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(100*time.Millisecond))
}

// servicesDrawn counts the services the map draws: single symbols plus the
// number each cluster stands for.
const servicesDrawn = `[...document.querySelectorAll("#atlas-map .leaflet-marker-pane > *")].reduce((n, e) => {
	if (e.classList.contains("services-marker")) return n + 1;
	const c = e.querySelector(".services-cluster__count");
	return c ? n + parseInt(c.textContent, 10) : n; }, 0)`

// tableState is what the table of services in view holds.
type tableState struct {
	Rows  int      `json:"rows"`
	Count string   `json:"count"`
	Names []string `json:"names"`
	Types []string `json:"types"`
}

const readTable = `JSON.stringify({
	rows: document.querySelectorAll("#services-table tbody tr").length,
	count: document.querySelector("#services-count").textContent,
	names: [...document.querySelectorAll("#services-table tbody tr td:first-child")].map(td => td.textContent),
	types: [...document.querySelectorAll("#services-table tbody tr td:nth-child(3)")].map(td => td.textContent)})`

func tableNow(t *testing.T, ctx context.Context) tableState {
	t.Helper()
	var s tableState
	if err := json.Unmarshal([]byte(must(t, ctx, chromedp.Evaluate[string](readTable))), &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// apiServices asks the API the same question the layer asks.
func apiServices(t *testing.T, q url.Values) (located, notLocated int) {
	t.Helper()
	var body struct {
		Services []struct {
			Latitude *float64 `json:"latitude"`
		} `json:"services"`
		NotLocated int `json:"not_located"`
	}
	getJSON(t, "/api/v1/services?"+q.Encode(), 200, &body)
	for _, s := range body.Services {
		if s.Latitude != nil {
			located++
		}
	}
	return located, body.NotLocated
}

// peerSupport finds the id of the peer support service type in the
// taxonomy the default dataset ships.
func peerSupport(t *testing.T) (id, name string) {
	t.Helper()
	var tax struct {
		Types []struct{ ID, Name string } `json:"types"`
	}
	getJSON(t, "/api/v1/service-taxonomy", 200, &tax)
	for _, ty := range tax.Types {
		if strings.HasPrefix(strings.ToLower(ty.Name), "peer support") {
			return ty.ID, ty.Name
		}
	}
	t.Fatalf("no peer support type in %+v", tax.Types)
	return "", ""
}

// choose picks an option of a select in the atlas controls; the page
// reloads with the choice in its URL.
func choose(t *testing.T, ctx context.Context, sel, value string) {
	t.Helper()
	do(t, ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const s = document.querySelector(%s); s.value = %s;
		s.dispatchEvent(new Event("change", {bubbles: true})); })()`, jsString(sel), jsString(value))))
	waitLoaded(t, ctx, url.QueryEscape(value))
}

// waitLoaded waits for the page a form submitted to load: its query holds
// want. It asks from Go rather than polling in the page, whose context the
// navigation replaces; errors while it does are expected.
func waitLoaded(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	loaded := fmt.Sprintf(`location.search.includes(%s) && document.readyState === "complete"`, jsString(want))
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](loaded)); err == nil && ok {
			return
		}
	}
	t.Fatalf("the page did not load with %s in its query", want)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestBrowserServices follows the story of issue #4: a user switches on the
// services layer and sees points and the table of services in view, opens
// one, moves the map and sees the table follow, filters to peer support and
// sees both change, then colours the map by services per 100,000 residents
// with the same filter.
func TestBrowserServices(t *testing.T) {
	ctx := browser(t)
	// A new user starts at the atlas and ticks the box.
	do(t, ctx, chromedp.Navigate(baseURL()+"/"), waitMap("#atlas-map"), chromedp.Click(chromedp.CSS("#services")))
	waitLoaded(t, ctx, "services=on")
	do(t, ctx, waitServices())
	located, notLocated := apiServices(t, url.Values{})
	if located == 0 {
		t.Fatal("the default dataset has no located services")
	}
	drawn := must(t, ctx, chromedp.Evaluate[int](servicesDrawn))
	inView := must(t, ctx, chromedp.Evaluate[int](`+document.querySelector("#services-panel").dataset.shown`))
	tab := tableNow(t, ctx)
	os.WriteFile(artifact(t, "services-england.png"), must(t, ctx, chromedp.FullScreenshot(100)), 0o644)
	// England fills the first view, so (nearly) every located service is
	// in it; the map, the table and the count must agree with each other.
	if drawn == 0 || drawn != tab.Rows || tab.Rows != inView || inView > located || inView < located*9/10 {
		t.Errorf("drawn %d, table rows %d, in view %d; the API has %d located", drawn, tab.Rows, inView, located)
	}
	want := fmt.Sprintf("%d services shown", inView)
	if notLocated > 0 {
		want += fmt.Sprintf(", %d not yet located", notLocated)
	}
	if !strings.HasPrefix(tab.Count, want) {
		t.Errorf("count %q, want it to start %q", tab.Count, want)
	}

	// The first row's button shows that service's popup on the map.
	do(t, ctx, chromedp.Click(chromedp.CSS("#services-table tbody tr:first-child .services-table__show")),
		chromedp.WaitVisible(chromedp.CSS(".leaflet-popup .services-popup__name")))
	popup := must(t, ctx, chromedp.Text(chromedp.CSS(".leaflet-popup .services-popup")))
	if first := tab.Names[0]; !strings.Contains(first, strings.Split(popup, "\n")[0]) || !strings.Contains(popup, "Sector") {
		t.Errorf("popup %q for first row %q", popup, first)
	}
	// Leaflet fades the popup in and pans the map to fit it: wait for both.
	do(t, ctx, chromedp.Poll[chromedp.Void](`getComputedStyle(document.querySelector(".leaflet-popup")).opacity === "1"`,
		chromedp.WithPollingTimeout(5*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
	time.Sleep(400 * time.Millisecond)
	os.WriteFile(artifact(t, "services-popup.png"), must(t, ctx, chromedp.Screenshot(chromedp.CSS("#atlas-map"))), 0o644)

	// Zoom to Trafford: the table lists only what is now in view.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("#atlas-map").mhatlasMap.closePopup().setView([53.43, -2.33], 11, {animate: false}); undefined`),
		chromedp.Poll[chromedp.Void](fmt.Sprintf(`+document.querySelector("#services-panel").dataset.shown < %d`, inView), chromedp.WithPollingTimeout(5*time.Second)))
	near := tableNow(t, ctx)
	if near.Rows == 0 || near.Rows >= tab.Rows || !strings.Contains(near.Count, "outside this view") {
		t.Errorf("zoomed to Trafford: %d rows (%q), had %d", near.Rows, near.Count, tab.Rows)
	}

	// Filter to peer support: fewer points, and every row offers it.
	peerID, peerName := peerSupport(t)
	choose(t, ctx, "#service_type", peerID)
	do(t, ctx, waitServices())
	peerLocated, _ := apiServices(t, url.Values{"type": {peerID}})
	peerDrawn := must(t, ctx, chromedp.Evaluate[int](servicesDrawn))
	peer := tableNow(t, ctx)
	os.WriteFile(artifact(t, "services-peer-support.png"), must(t, ctx, chromedp.FullScreenshot(100)), 0o644)
	// All 14 peer support services (hand count: services_pages_test.go)
	// are in Greater Manchester, inside the first view.
	if peerLocated != 14 || peerDrawn != 14 || peer.Rows != 14 || !strings.HasPrefix(peer.Count, "14 services shown") {
		t.Errorf("peer support: drawn %d, rows %d (%q), API %d located; want 14", peerDrawn, peer.Rows, peer.Count, peerLocated)
	}
	for i, ty := range peer.Types {
		if !strings.Contains(ty, peerName) {
			t.Errorf("row %d (%s) offers %q, not %q", i, peer.Names[i], ty, peerName)
		}
	}
	axeCheck(t, ctx, "atlas with the services layer")

	// The same filter colours the map by services per 100,000 residents.
	choose(t, ctx, "#indicator", "services-per-100k")
	do(t, ctx, waitServices())
	h1 := must(t, ctx, chromedp.Text(chromedp.CSS("h1")))
	values := must(t, ctx, chromedp.Evaluate[string](`document.querySelector("#atlas-map").dataset.values`))
	loc := must(t, ctx, chromedp.Location())
	if !strings.Contains(h1, "per 100,000") || !strings.Contains(values, "service_type="+peerID) || !strings.Contains(loc, "service_type="+peerID) {
		t.Errorf("rate map: h1 %q, values %s, at %s", h1, values, loc)
	}
	if again := must(t, ctx, chromedp.Evaluate[int](servicesDrawn)); again != peerDrawn {
		t.Errorf("the rate map draws %d peer support services, the layer drew %d", again, peerDrawn)
	}
	os.WriteFile(artifact(t, "services-per-100k.png"), must(t, ctx, chromedp.FullScreenshot(100)), 0o644)

	// By local authority, Trafford's row reads the hand-worked rate.
	choose(t, ctx, "#type", "ltla")
	do(t, ctx, waitServices())
	trafford := must(t, ctx, chromedp.Evaluate[string](`document.querySelector('.atlas-table tr[data-code="E08000009"] td:nth-child(3)').textContent`))
	filled := must(t, ctx, chromedp.Evaluate[int](`[...document.querySelectorAll("#atlas-map path.atlas-area[data-code]")].filter(p => p.dataset.missing !== "true").length`))
	if strings.TrimSpace(trafford) != peerRateText || filled == 0 {
		t.Errorf("Trafford: %q, want %q; %d areas coloured", trafford, peerRateText, filled)
	}

	// The list without a map passes axe-core too.
	do(t, ctx, chromedp.Navigate(baseURL()+"/services?area=E08000009"))
	axeCheck(t, ctx, "services page")
	os.WriteFile(artifact(t, "services-page.png"), must(t, ctx, chromedp.FullScreenshot(100)), 0o644)
}
