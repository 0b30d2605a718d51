package region

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// issuerCase is one line of testdata/issuers.tsv.
type issuerCase struct {
	name, want string
	texts      []string
}

// issuerCases reads testdata/issuers.tsv.
func issuerCases(tb testing.TB) []issuerCase {
	tb.Helper()
	f, err := os.Open("testdata/issuers.tsv")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var cases []issuerCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			tb.Fatalf("bad line %q", line)
		}
		cases = append(cases, issuerCase{cols[0], cols[1], cols[2:]})
	}
	if err := sc.Err(); err != nil || len(cases) < 50 {
		tb.Fatalf("issuers.tsv: %d cases, %v", len(cases), err)
	}
	return cases
}

func TestResolveCorpus(t *testing.T) {
	t.Parallel()
	for _, c := range issuerCases(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r, ok := Resolve(c.texts...)
			got := r.Code
			if !ok {
				got = "-"
			}
			if got != c.want {
				t.Errorf("Resolve(%q) = %s %s; want %s", c.texts, got, r.FullName, c.want)
			}
		})
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"中共成都市青羊区委", "鼓楼区人民政府", "国务院关于", "成都高新区", "延边州", "\xff市", ""} {
		f.Add(s, "南京市")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		r, ok := Resolve(a, b)
		if !ok {
			if r != (Region{}) {
				t.Errorf("Resolve(%q, %q) = %+v with ok=false", a, b, r)
			}
			return
		}
		if got, found := Lookup(r.Code); !found || got != r {
			t.Errorf("Resolve(%q, %q) = %+v, which Lookup does not know", a, b, r)
		}
	})
}

func BenchmarkResolve(b *testing.B) {
	cases := issuerCases(b)
	data()
	b.ResetTimer()
	for b.Loop() {
		for _, c := range cases {
			Resolve(c.texts...)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(cases)), "ns/resolve")
}
