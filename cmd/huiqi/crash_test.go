package main

import (
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/internal/pgtest"
	"github.com/huiqi-dev/huiqi/propose"
)

// TestCrashSafety starts the real huiqi serve over a data directory, drives
// writes through the portal from several users at once (sign-in, binding an
// enterprise, 我要申报: start, save, attach, submit with an SMS code; 转人工
// consultations), kills
// the server with SIGKILL after a random number of acknowledged writes
// while requests are in flight, and checks the store: every acknowledged
// write is there and whole, no record lacks its audit entry or step, every
// file reads back byte for byte, and the audit chain holds. Each round
// restarts the server on what the last one left.
func TestCrashSafety(t *testing.T) {
	t.Parallel()
	data := filepath.Join(t.TempDir(), "data")
	crashSafety(t, Config{DataDir: data}, "--data", data)
}

// TestCrashSafetyPostgres does the same in server mode.
func TestCrashSafetyPostgres(t *testing.T) {
	t.Parallel()
	dsn := pgtest.NewDatabase(t)
	crashSafety(t, Config{DBURL: dsn}, "--db", dsn)
}

// crashSafety runs the rounds over the store of cfg, which store (flags)
// selects.
func crashSafety(t *testing.T, cfg Config, store ...string) {
	bin := buildHuiqi(t)
	var out, errOut strings.Builder
	if code := Main(context.Background(), append([]string{"demo"}, store...), strings.NewReader(""), &out, &errOut); code != exitOK {
		t.Fatalf("demo: exit %d\n%s", code, errOut.String())
	}
	pw := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pw, []byte(crashAdminPassword+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code := Main(context.Background(), append([]string{"user", "add", "--username", "admin", "--name", "管理员",
		"--role", "admin", "--password-file", pw}, store...), strings.NewReader(""), &out, &errOut); code != exitOK {
		t.Fatalf("user add: exit %d\n%s", code, errOut.String())
	}
	measures := applicableMeasures(t, cfg)
	led := &ledger{}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d, %d measures", seed, len(measures))
	rng := rand.New(rand.NewPCG(seed, 1))
	const rounds, workers = 5, 4
	var inflightAll int64
	for round := range rounds {
		// Signing in, binding and its verification take 3 writes a
		// client; most kills come during the applications.
		killAfter := 2 + rng.IntN(60)
		srv := startBinary(t, bin, store...)
		r := &crashRound{base: strings.TrimSuffix(srv.base, "/"), st: openCrashStore(t, cfg), led: led, dying: make(chan struct{})}
		r.admin = newCrashClient(t, r, round, 9)
		if !r.admin.signInStaff("admin", crashAdminPassword) {
			t.Fatalf("round %d: the administrator cannot sign in:\n%s", round, srv.log())
		}
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			c := newCrashClient(t, r, round, w)
			seed := rng.Uint64()
			go func() {
				defer wg.Done()
				c.run(measures, seed)
			}()
		}
		running := make(chan struct{})
		go func() { wg.Wait(); close(running) }()
		if !waitForAcks(&r.acked, int64(killAfter), srv, running) {
			t.Errorf("round %d: the clients stopped, or the server did, after %d acknowledged writes:\n%s", round, r.acked.Load(), srv.log())
		}
		close(r.dying)
		inflight := r.inflight.Load()
		srv.kill(t)
		wg.Wait()
		r.st.Close()
		inflightAll += inflight
		apps, files, submitted, threads := led.count()
		t.Logf("round %d: killed after %d acknowledged writes with %d requests in flight; in all %d applications, %d files, %d submissions, %d consultations acknowledged",
			round, r.acked.Load(), inflight, apps, files, submitted, threads)
		for _, p := range checkAfterCrash(t, cfg, led) {
			t.Errorf("round %d: %s", round, p)
		}
	}
	if inflightAll == 0 {
		t.Error("no kill found a request in flight")
	}
	if code := Main(context.Background(), append([]string{"audit", "verify"}, store...), strings.NewReader(""), &out, &errOut); code != exitOK {
		t.Errorf("huiqi audit verify after the crashes: exit %d\n%s", code, errOut.String())
	}
}

const crashAdminPassword = "crash test admin password"

// waitForAcks waits until n writes are acknowledged; false when the
// clients or the server stop first, or after two minutes.
func waitForAcks(acked *atomic.Int64, n int64, srv *serverProc, running chan struct{}) bool {
	deadline := time.Now().Add(2 * time.Minute)
	for acked.Load() < n {
		select {
		case <-running:
			return false
		case <-srv.done:
			return false
		case <-time.After(time.Millisecond):
		}
		if time.Now().After(deadline) {
			return false
		}
	}
	return true
}

// buildHuiqi builds this command into a temporary directory.
func buildHuiqi(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "huiqi")
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goTool); err != nil {
		goTool = "go"
	}
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	return bin
}

// crashStore is a store the crash test reads beside the server.
type crashStore interface {
	huiqi.PolicyStore
	platformStore
}

// openCrashStore opens the store of cfg in the test's process until the
// caller closes it.
func openCrashStore(t *testing.T, cfg Config) crashStore {
	t.Helper()
	st, err := openStore(context.Background(), cfg)
	if err != nil {
		t.Fatalf("open the store: %v", err)
	}
	cs, ok := st.(crashStore)
	if !ok {
		t.Fatalf("%T keeps no accounts", st)
	}
	return cs
}

// applicableMeasures lists policy and measure IDs 我要申报 accepts.
func applicableMeasures(t *testing.T, cfg Config) [][2]string {
	t.Helper()
	ctx := context.Background()
	st := openCrashStore(t, cfg)
	defer st.Close()
	list, _, err := st.ListPolicies(ctx, huiqi.PolicyFilter{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	var out [][2]string
	for _, s := range list {
		p, err := st.FindPolicy(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range propose.Propose(p) {
			out = append(out, [2]string{p.ID, pr.ID})
		}
	}
	if len(out) < 40 {
		t.Fatalf("the demo corpus proposes %d measures, want at least 40", len(out))
	}
	return out
}

// serverProc is a running huiqi serve process.
type serverProc struct {
	cmd    *exec.Cmd
	base   string
	done   chan struct{}
	stderr string
}

var servingAt = regexp.MustCompile(`serving the portal at (http://\S+/) `)

// startBinary runs bin serve over the store on a free port. Codes are not
// limited: the test's users share one address and ask often.
func startBinary(t *testing.T, bin string, store ...string) *serverProc {
	t.Helper()
	dir := t.TempDir()
	stdout, stderr := filepath.Join(dir, "stdout"), filepath.Join(dir, "stderr")
	fo, err := os.Create(stdout)
	if err != nil {
		t.Fatal(err)
	}
	defer fo.Close()
	fe, err := os.Create(stderr)
	if err != nil {
		t.Fatal(err)
	}
	defer fe.Close()
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, store...)...)
	cmd.Env = append(os.Environ(), "HUIQI_CODE_INTERVAL=0s", "HUIQI_CODE_PHONE_DAY=100000",
		"HUIQI_CODE_IP_HOUR=100000", "HUIQI_CODE_IP_DAY=100000", "HUIQI_DB=", "HUIQI_SMS_URL=", "HUIQI_LLM_URL=")
	cmd.Stdout, cmd.Stderr = fo, fe
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &serverProc{cmd: cmd, done: make(chan struct{}), stderr: stderr}
	go func() { cmd.Wait(); close(s.done) }()
	t.Cleanup(func() { s.kill(t) })
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		b, _ := os.ReadFile(stdout)
		if m := servingAt.FindSubmatch(b); m != nil {
			s.base = string(m[1])
			return s
		}
		if s.exited() {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	b, _ := os.ReadFile(stdout)
	e, _ := os.ReadFile(stderr)
	t.Fatalf("huiqi serve did not start:\n%s\n%s", b, e)
	return nil
}

// log returns the end of the server's standard error.
func (s *serverProc) log() string {
	b, _ := os.ReadFile(s.stderr)
	return string(b[max(0, len(b)-4000):])
}

func (s *serverProc) exited() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// kill sends SIGKILL and waits for the process to end.
func (s *serverProc) kill(t *testing.T) {
	if s.exited() {
		return
	}
	if err := s.cmd.Process.Signal(syscall.SIGKILL); err != nil && !s.exited() {
		t.Errorf("kill: %v", err)
	}
	<-s.done
}
