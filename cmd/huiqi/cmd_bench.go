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
	"strconv"
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
	pid := fs.Int("pid", 0, "report the resident memory and CPU time of the server process `PID`")
	uncached := fs.Bool("uncached", false, "make every request of every round distinct (limit or offset moved by the round), so no result cache answers it")
	first := fs.Int("first-round", 0, "with --uncached, number the rounds from `N`: successive runs against one server give distinct ranges")
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
	if *uncached && (*first < 0 || *first+*warmup+*reps > 80) {
		return fs.usagef("--uncached allows at most 80 rounds of --first-round, --warmup and --reps together")
	}
	b := &httpBench{base: strings.TrimRight(*base, "/"), client: &http.Client{Timeout: 30 * time.Second}, uncached: *uncached, round: *first}
	res, err := b.run(ctx, mix, *warmup, *reps, *pid)
	if err != nil {
		return err
	}
	writeBench(e.stdout, mix, res)
	if *pid > 0 {
		writeMemory(e.stdout, *pid)
		// CPU time is what a request costs whatever else runs on the machine;
		// wall-clock latency on a shared machine includes waiting for a core.
		fmt.Fprintf(e.stdout, "server CPU: %.2f ms per request (user+system of PID %d)\n",
			res.cpu.Seconds()*1000/float64(len(mix)*(*reps)), *pid)
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
	base     string
	client   *http.Client
	uncached bool
	round    int // rounds sent so far, warm-up included
}

// benchResult holds the measured durations per request of the mix, and the
// response size of the last one.
type benchResult struct {
	times [][]time.Duration
	bytes []int64
	cpu   time.Duration // CPU time the server spent in the measured rounds
}

func (b *httpBench) run(ctx context.Context, mix []benchRequest, warmup, reps, pid int) (*benchResult, error) {
	for range warmup {
		for _, r := range mix {
			if _, _, err := b.get(ctx, b.vary(r.path)); err != nil {
				return nil, err
			}
		}
		b.round++
	}
	res := &benchResult{times: make([][]time.Duration, len(mix)), bytes: make([]int64, len(mix))}
	cpu0 := processCPU(pid)
	for range reps {
		for i, r := range mix {
			d, n, err := b.get(ctx, b.vary(r.path))
			if err != nil {
				return nil, err
			}
			res.times[i] = append(res.times[i], d)
			res.bytes[i] = n
		}
		b.round++
	}
	res.cpu = processCPU(pid) - cpu0
	return res, nil
}

// vary makes path distinct per round when uncached: the limit grows by the
// round (20+round when none is given); a limit that would pass 100 stays and
// the offset moves back instead. The work stays that of the request, a few
// more hits at most.
func (b *httpBench) vary(path string) string {
	if !b.uncached {
		return path
	}
	u, err := url.Parse(path)
	if err != nil {
		return path
	}
	v := u.Query()
	limit, offset := atoiOr(v.Get("limit"), 20), atoiOr(v.Get("offset"), 0)
	if limit+b.round <= 100 {
		v.Set("limit", strconv.Itoa(limit+b.round))
	} else {
		v.Set("offset", strconv.Itoa(max(0, offset-b.round)))
	}
	u.RawQuery = v.Encode()
	return u.String()
}

func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return def
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

// processCPU returns the user+system CPU time of a process so far, from
// /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux);
// 0 when pid is 0 or unreadable.
func processCPU(pid int) time.Duration {
	if pid <= 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name (field 2) may hold spaces: count fields after its ')'.
	_, rest, ok := strings.Cut(string(b), ") ")
	f := strings.Fields(rest)
	if !ok || len(f) < 13 {
		return 0
	}
	var utime, stime int64
	fmt.Sscan(f[11], &utime)
	fmt.Sscan(f[12], &stime)
	return time.Duration(utime+stime) * 10 * time.Millisecond
}
