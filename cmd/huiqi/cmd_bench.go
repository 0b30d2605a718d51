package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"
)

func runBench(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "bench", "bench http [--base URL] [--queries FILE] [--warmup N] [--reps N] [--pid PID]", `
Bench http measures the latency of a fixed mix of requests against a running
huiqi serve, one request at a time over one kept-alive connection, so each
figure is the server's time for that request and not a queue's. The mix is
read from FILE: one request path per line (e.g. /api/v1/search?q=补助), an
optional label before a tab, # for comments. Every request is first sent
--warmup times; then --reps rounds of the whole mix follow, interleaved so a
change in the machine's load touches every request alike. Any status other
than 200 fails the run.

Printed: p50, p99 and max per request and over all, and with --pid the
server's peak and current resident memory (VmHWM, VmRSS from /proc).`)
	base := fs.String("base", "http://127.0.0.1:8080", "server `URL` the paths are relative to")
	queries := fs.String("queries", "", "the request mix, one path a line (required)")
	warmup := fs.Int("warmup", 3, "send each request `N` times before measuring")
	reps := fs.Int("reps", 30, "measure `N` rounds of the whole mix")
	pid := fs.Int("pid", 0, "report the resident memory of the server process `PID`")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "http" {
		return fs.usagef("want the kind of bench: http")
	}
	if *queries == "" || *reps < 1 || *warmup < 0 {
		return fs.usagef("give --queries, --reps of at least 1 and --warmup of at least 0")
	}
	mix, err := readMix(*queries)
	if err != nil {
		return err
	}
	b := &httpBench{base: strings.TrimRight(*base, "/"), client: &http.Client{Timeout: 30 * time.Second}}
	res, err := b.run(ctx, mix, *warmup, *reps)
	if err != nil {
		return err
	}
	writeBench(e.stdout, mix, res)
	if *pid > 0 {
		writeMemory(e.stdout, *pid)
	}
	return nil
}

// benchRequest is one line of the mix.
type benchRequest struct{ label, path string }

func readMix(name string) ([]benchRequest, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var mix []benchRequest
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		label, path, ok := strings.Cut(line, "\t")
		if !ok {
			label, path = line, line
		}
		u, err := url.Parse(strings.TrimSpace(path))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		// Escaped here so the file can hold readable Chinese.
		u.RawQuery = u.Query().Encode()
		mix = append(mix, benchRequest{strings.TrimSpace(label), u.String()})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(mix) == 0 {
		return nil, fmt.Errorf("%s: no requests", name)
	}
	return mix, nil
}

// httpBench sends requests one at a time and times them to the last byte.
type httpBench struct {
	base   string
	client *http.Client
}

// benchResult holds the measured durations per request of the mix, and the
// response size of the last one.
type benchResult struct {
	times [][]time.Duration
	bytes []int64
}

func (b *httpBench) run(ctx context.Context, mix []benchRequest, warmup, reps int) (*benchResult, error) {
	for range warmup {
		for _, r := range mix {
			if _, _, err := b.get(ctx, r.path); err != nil {
				return nil, err
			}
		}
	}
	res := &benchResult{times: make([][]time.Duration, len(mix)), bytes: make([]int64, len(mix))}
	for range reps {
		for i, r := range mix {
			d, n, err := b.get(ctx, r.path)
			if err != nil {
				return nil, err
			}
			res.times[i] = append(res.times[i], d)
			res.bytes[i] = n
		}
	}
	return res, nil
}

func (b *httpBench) get(ctx context.Context, path string) (time.Duration, int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.base+path, nil)
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	resp, err := b.client.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	d := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("GET %s: %w", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		return 0, 0, fmt.Errorf("GET %s: status %d", path, resp.StatusCode)
	}
	return d, n, nil
}

// percentile returns the nearest-rank p-th percentile of sorted durations.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p/100*float64(len(sorted))+0.999999) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d)/1e6) }

// writeBench prints a row per request, then the same over all requests.
func writeBench(w io.Writer, mix []benchRequest, res *benchResult) {
	fmt.Fprintf(w, "%-28s %8s %8s %8s %8s\n", "request", "p50 ms", "p99 ms", "max ms", "KB")
	var all []time.Duration
	for i, r := range mix {
		t := slices.Clone(res.times[i])
		slices.Sort(t)
		all = append(all, t...)
		fmt.Fprintf(w, "%-28s %8s %8s %8s %8.1f\n", r.label, ms(percentile(t, 50)), ms(percentile(t, 99)), ms(t[len(t)-1]), float64(res.bytes[i])/1024)
	}
	slices.Sort(all)
	fmt.Fprintf(w, "all: %d requests, p50 %s ms, p90 %s ms, p99 %s ms, max %s ms\n",
		len(all), ms(percentile(all, 50)), ms(percentile(all, 90)), ms(percentile(all, 99)), ms(all[len(all)-1]))
}

// writeMemory prints the peak and current resident memory of a process.
func writeMemory(w io.Writer, pid int) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		fmt.Fprintf(w, "memory: %v\n", err)
		return
	}
	var vals []string
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") || strings.HasPrefix(line, "VmRSS:") {
			vals = append(vals, strings.Join(strings.Fields(line), " "))
		}
	}
	fmt.Fprintf(w, "memory of %d: %s\n", pid, strings.Join(vals, ", "))
}
