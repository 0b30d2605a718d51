package server_test

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/huiqi-dev/huiqi"
)

// chromium finds a Chromium to drive. Without one the browser tests skip,
// except under CI=true, where a missing browser is a failure.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no chromium on PATH (scripts/test.sh installs Debian's chromium)")
	}
	t.Skip("no chromium on PATH; install Debian's chromium and fonts-wqy-microhei")
	return ""
}

// newBrowser starts a headless Chromium for one test.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(cancelBrowser)
	return bctx
}

// screenshotDir is where the browser tests leave their PNGs: $HUIQI_SCREENSHOTS
// when set (to look at them), else a temporary directory.
func screenshotDir(t *testing.T) string {
	if d := os.Getenv("HUIQI_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// screenshot saves the whole page as PNG (quality 100 means PNG in chromedp).
func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	save(t, ctx, dir, name, chromedp.FullScreenshot(100))
}

// viewShot saves what the viewport shows, to see where the page is scrolled.
func viewShot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	save(t, ctx, dir, name, chromedp.CaptureScreenshot())
}

func save(t *testing.T, ctx context.Context, dir, name string, shot chromedp.Action[[]byte]) {
	t.Helper()
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// must runs an action and fails the test on error.
func must[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// clickAndLoad clicks and waits for the page it leads to.
func clickAndLoad(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	must(t, ctx, "click "+sel, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(sel))))
}

func px(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(strings.TrimSuffix(s, "px"), 64)
	if err != nil {
		t.Fatalf("font size %q: %v", s, err)
	}
	return f
}

// TestBrowserJourney walks a visitor through the portal in headless
// Chromium: search, filter by region, open a policy, enlarge the text,
// download the original, and follow a measure to its clause.
func TestBrowserJourney(t *testing.T) {
	ctx := newBrowser(t)
	f, srv := serve(t)
	shots := screenshotDir(t)
	t.Logf("screenshots in %s", shots)

	must(t, ctx, "home", chromedp.Navigate(srv.URL+"/"))
	screenshot(t, ctx, shots, "1-home")

	// Search from the home page's box.
	must(t, ctx, "type query", chromedp.SendKeys(chromedp.ID("home-q"), "补助"))
	clickAndLoad(t, ctx, ".big-search button")
	loc := must(t, ctx, "location", chromedp.Location())
	if !strings.Contains(loc, "/search?q=") {
		t.Fatalf("search went to %s", loc)
	}
	hits := must(t, ctx, "count hits", chromedp.Evaluate[int](`document.querySelectorAll('.hit').length`))
	if hits == 0 {
		t.Fatal("no hits for 补助")
	}
	screenshot(t, ctx, shots, "2-search")
	followSnippet(t, ctx)
	must(t, ctx, "back to the results", chromedp.Navigate(loc))

	// Filter by region: a province, then a city within it.
	regionLinks := `nav[aria-labelledby="facet-region"] ul.facet-values a`
	clickAndLoad(t, ctx, regionLinks)
	city := must(t, ctx, "city name", chromedp.Text(chromedp.CSS(regionLinks)))
	clickAndLoad(t, ctx, regionLinks)
	loc = must(t, ctx, "location", chromedp.Location())
	if !strings.Contains(loc, "region=") || !strings.Contains(loc, "q=") {
		t.Fatalf("region filter went to %s", loc)
	}
	metas := must(t, ctx, "hit regions", chromedp.Evaluate[[]string](`[...document.querySelectorAll('.hit .meta')].map(e => e.textContent)`))
	if len(metas) == 0 {
		t.Fatalf("no hits in %s", city)
	}
	for _, m := range metas {
		if !strings.Contains(m, strings.TrimSpace(city)) {
			t.Errorf("hit outside %s: %s", city, m)
		}
	}
	screenshot(t, ctx, shots, "3-region")

	// Open the first policy.
	clickAndLoad(t, ctx, ".hit h3 a")
	must(t, ctx, "policy text", chromedp.WaitVisible(chromedp.ID("doc-text")))
	policyURL := must(t, ctx, "location", chromedp.Location())
	viewShot(t, ctx, shots, "4-policy")

	// A+ enlarges the text, and the size is remembered.
	size := `getComputedStyle(document.getElementById('doc-text')).fontSize`
	before := px(t, must(t, ctx, "font size", chromedp.Evaluate[string](size)))
	must(t, ctx, "A+", chromedp.Click(chromedp.CSS(`button[data-size="1"]`)))
	must(t, ctx, "A+", chromedp.Click(chromedp.CSS(`button[data-size="1"]`)))
	after := px(t, must(t, ctx, "font size", chromedp.Evaluate[string](size)))
	if after <= before {
		t.Errorf("A+ left the text at %.1fpx (was %.1fpx)", after, before)
	}
	must(t, ctx, "reload", chromedp.Reload())
	if again := px(t, must(t, ctx, "font size", chromedp.Evaluate[string](size))); again != after {
		t.Errorf("text size after reload %.1fpx, want the chosen %.1fpx", again, after)
	}
	screenshot(t, ctx, shots, "5-policy-larger")

	downloadOriginal(t, ctx, f.Store, policyURL)
	followMeasure(t, ctx)
	viewShot(t, ctx, shots, "6-clause")

	// The same page on a phone.
	must(t, ctx, "A-", chromedp.Click(chromedp.CSS(`button[data-size="-1"]`)))
	must(t, ctx, "phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	must(t, ctx, "reload", chromedp.Navigate(policyURL))
	viewShot(t, ctx, shots, "7-phone")
}

// downloadOriginal clicks 附件下载 and compares the file with the stored bytes.
func downloadOriginal(t *testing.T, ctx context.Context, store huiqi.PolicyStore, policyURL string) {
	t.Helper()
	dir := t.TempDir()
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	must(t, ctx, "allow downloads", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: ptr(true)})
		return err
	}))
	href := must(t, ctx, "download link", chromedp.Evaluate[string](`document.querySelector('a.download').href`))
	must(t, ctx, "click 附件下载", chromedp.Click(chromedp.CSS("a.download")))
	var file string
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatal("download cancelled")
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			file = filepath.Join(dir, ev.GUID)
			break
		}
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(href)
	if err != nil {
		t.Fatal(err)
	}
	id := strings.Split(strings.TrimPrefix(u.Path, "/policies/"), "/")[0]
	version, _ := strconv.Atoi(u.Query().Get("version"))
	_, want, err := store.OriginalFile(context.Background(), id, version)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) || len(got) == 0 {
		t.Errorf("downloaded %d bytes, differing from the stored %d", len(got), len(want))
	}
	if !strings.HasSuffix(policyURL, id) {
		t.Errorf("download of %s from the page of %s", id, policyURL)
	}
}

func ptr[T any](v T) *T { return &v }

// followSnippet opens the first highlighted snippet and checks that it leads
// to its clause, targeted and in view.
func followSnippet(t *testing.T, ctx context.Context) {
	t.Helper()
	href := must(t, ctx, "snippet link", chromedp.Evaluate[string](`document.querySelector('.snippet a').getAttribute('href')`))
	_, frag, ok := strings.Cut(href, "#")
	if !ok {
		t.Fatalf("snippet link %q has no clause anchor", href)
	}
	clickAndLoad(t, ctx, ".snippet a")
	want, err := url.PathUnescape(frag)
	if err != nil {
		t.Fatal(err)
	}
	checkTarget(t, ctx, want)
	marked := must(t, ctx, "clause text", chromedp.Evaluate[string](`document.querySelector(':target').textContent`))
	if marked == "" {
		t.Error("the snippet's clause is empty")
	}
}

// followMeasure clicks the first measure's clause link in the structured view
// and checks that the clause is the target and scrolled into view.
func followMeasure(t *testing.T, ctx context.Context) {
	t.Helper()
	link := `.mgroup a.to-clause`
	href := must(t, ctx, "measure link", chromedp.Evaluate[string](`document.querySelector('.mgroup a.to-clause').getAttribute('href')`))
	must(t, ctx, "follow measure", chromedp.Click(chromedp.CSS(link)))
	want, err := url.PathUnescape(strings.TrimPrefix(href, "#"))
	if err != nil {
		t.Fatal(err)
	}
	checkTarget(t, ctx, want)
}

// checkTarget checks that the element with id want is the :target and in view.
func checkTarget(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	state := must(t, ctx, "target", chromedp.Poll[string](`(() => {
		const el = document.querySelector(':target');
		if (!el) return '';
		const r = el.getBoundingClientRect();
		return el.id + '|' + (r.top >= -1 && r.top < innerHeight);
	})()`, chromedp.WithPollingTimeout(5*time.Second)))
	id, inView, _ := strings.Cut(state, "|")
	if id != want || !strings.HasPrefix(id, "c-") {
		t.Errorf("target is %q, want the clause %q", id, want)
	}
	if inView != "true" {
		t.Errorf("clause %s is not scrolled into view", id)
	}
}
