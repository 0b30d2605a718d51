package synth

import (
	"bufio"
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi/industry"
	"github.com/huiqi-dev/huiqi/profile"
	"github.com/huiqi-dev/huiqi/region"
)

// TestEnterprisesAreValid: every profile of a stream passes the checks of
// package profile as of the generator's last day, with distinct credit codes.
func TestEnterprisesAreValid(t *testing.T) {
	t.Parallel()
	codes := map[string]bool{}
	n := 0
	for e := range Enterprises(1, 5000) {
		n++
		if err := profile.ValidateAsOf(&e, lastDate); err != nil {
			t.Fatalf("profile %d: %v\n%+v", n, err, e)
		}
		if e.CreditCode != "" {
			if codes[e.CreditCode] {
				t.Fatalf("credit code %s twice", e.CreditCode)
			}
			codes[e.CreditCode] = true
		}
	}
	if n != 5000 {
		t.Fatalf("%d profiles; want 5000", n)
	}
}

// TestEnterprisesDistributions checks the shape the benchmark relies on.
func TestEnterprisesDistributions(t *testing.T) {
	t.Parallel()
	const n = 20_000
	var provinces = map[string]int{}
	var sections = map[string]int{}
	var noFinancials, hnte, aliases, unknownEmployees, years int
	var rdShares []float64
	for e := range Enterprises(2, n) {
		provinces[e.RegionCode[:2]]++
		in, _ := industry.Lookup(e.IndustryCode)
		sections[in.Section]++
		if r, ok := region.Lookup(e.RegionCode); !ok || r.Level < 2 {
			t.Fatalf("region %s: %+v", e.RegionCode, r)
		}
		years += len(e.Financials)
		if len(e.Financials) == 0 {
			noFinancials++
		}
		if s := rdShareOf(&e); s > 0 {
			rdShares = append(rdShares, s)
		}
		if e.Employees == nil {
			unknownEmployees++
		}
		for _, c := range e.Certifications {
			name, _, known := profile.NormalizeCertification(c.Name)
			if !known {
				t.Fatalf("unknown title %q", c.Name)
			}
			if name == "高新技术企业" {
				hnte++
			}
			if name != c.Name {
				aliases++
			}
		}
	}
	checks := []struct {
		what   string
		got    float64
		lo, hi float64
	}{
		{"provinces", float64(len(provinces)), 31, 31},
		{"share in 广东", share(provinces["44"], n), 0.10, 0.20},
		{"share in 西藏", share(provinces["54"], n), 0, 0.005},
		{"share in manufacturing", share(sections["C"], n), 0.35, 0.60},
		{"share in software and IT", share(sections["I"], n), 0.15, 0.35},
		{"without financials", share(noFinancials, n), 0.08, 0.20},
		{"years per profile", float64(years) / n, 1.8, 3.2},
		{"高新技术企业", share(hnte, n), 0.10, 0.40},
		{"titles under an alias", share(aliases, n), 0.005, 0.10},
		{"unknown employees", share(unknownEmployees, n), 0.05, 0.11},
		{"median R&D share", median(rdShares), 0.02, 0.06},
	}
	for _, c := range checks {
		t.Logf("%s: %.4f", c.what, c.got)
		if c.got < c.lo || c.got > c.hi {
			t.Errorf("%s: %.4f, want %.4f–%.4f", c.what, c.got, c.lo, c.hi)
		}
	}
}

func share(k, n int) float64 { return float64(k) / float64(n) }

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	for i := 1; i < len(s); i++ { // insertion sort is enough for a test
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s[len(s)/2]
}

func TestEnterprisesDeterministic(t *testing.T) {
	t.Parallel()
	var a, b, c bytes.Buffer
	if _, _, err := WriteEnterprisesJSONL(&a, 7, 300, nil); err != nil {
		t.Fatal(err)
	}
	WriteEnterprisesJSONL(&b, 7, 300, nil)
	WriteEnterprisesJSONL(&c, 8, 300, nil)
	if a.String() != b.String() {
		t.Error("one seed gives two streams")
	}
	if a.String() == c.String() {
		t.Error("two seeds give one stream")
	}
	// A stream's start does not depend on its length.
	var short bytes.Buffer
	WriteEnterprisesJSONL(&short, 7, 10, nil)
	if !strings.HasPrefix(a.String(), short.String()) {
		t.Error("the first 10 profiles of 300 differ from a stream of 10")
	}
}

func TestWriteEnterprisesJSONL(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	calls := 0
	n, size, err := WriteEnterprisesJSONL(&buf, 3, 200, func(k int, b int64) error { calls++; return nil })
	if err != nil || n != 200 || calls != 200 || size != int64(buf.Len()) {
		t.Fatalf("wrote %d profiles, %d bytes (buffer %d), %d calls: %v", n, size, buf.Len(), calls, err)
	}
	sc := bufio.NewScanner(&buf)
	lines := 0
	for sc.Scan() {
		lines++
		e, err := profile.Load("line.json", sc.Bytes())
		if err != nil {
			t.Fatalf("line %d: %v", lines, err)
		}
		if err := profile.Validate(e); err != nil {
			t.Fatalf("line %d: %v", lines, err)
		}
	}
	if lines != 200 {
		t.Errorf("%d lines", lines)
	}
	stop := 0
	n, _, err = WriteEnterprisesJSONL(&bytes.Buffer{}, 3, 200, func(k int, b int64) error {
		if stop++; stop == 5 {
			return errStop
		}
		return nil
	})
	if err != errStop || n != 5 {
		t.Errorf("stopped after %d: %v", n, err)
	}
}

var errStop = errors.New("stop")

func BenchmarkEnterprises(b *testing.B) {
	g := NewEnterprises(1)
	b.ReportAllocs()
	for b.Loop() {
		g.Next()
	}
}

func BenchmarkWriteEnterprisesJSONL(b *testing.B) {
	b.ReportAllocs()
	var size int64
	for b.Loop() {
		_, s, err := WriteEnterprisesJSONL(discard{}, 1, 10_000, nil)
		if err != nil {
			b.Fatal(err)
		}
		size = s
	}
	b.ReportMetric(float64(size)/10_000, "bytes/profile")
	b.ReportMetric(10_000*float64(b.N)/b.Elapsed().Seconds(), "profiles/s")
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
