package cnum

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// corpus reads the policy texts in testdata (copied from shared/corpus).
func corpus(tb testing.TB) map[string]string {
	tb.Helper()
	paths, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no corpus in testdata: %v", err)
	}
	docs := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		docs[filepath.Base(p)] = string(b)
	}
	return docs
}

// writtenMoney finds "<digit>万元"/"<digit>亿元"/"<digit>元" the way a
// reader would spot them; every such spot must lie inside a found Amount.
var writtenMoney = regexp.MustCompile(`[0-9０-９一二三四五六七八九十百千两]\s*[万亿]?元`)

func TestCorpusMoneyCoverage(t *testing.T) {
	t.Parallel()
	for name, text := range corpus(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			amounts := FindAmounts(text)
			for _, loc := range writtenMoney.FindAllStringIndex(text, -1) {
				if strings.HasPrefix(text[loc[1]:], "化") {
					continue
				}
				if !coveredBy(amounts, loc[0]) {
					t.Errorf("money at %d not found: …%s…", loc[0], around(text, loc[0], loc[1]))
				}
			}
		})
	}
}

// coveredBy reports whether byte i lies inside one of the amounts.
func coveredBy(amounts []Amount, i int) bool {
	for _, a := range amounts {
		if i >= a.Start && i < a.End {
			return true
		}
	}
	return false
}

// around returns text[start:end] with a few bytes of context.
func around(text string, start, end int) string {
	lo, hi := max(0, start-15), min(len(text), end+6)
	return strings.ToValidUTF8(text[lo:hi], "")
}

func TestCorpusInvariants(t *testing.T) {
	t.Parallel()
	year := regexp.MustCompile(`^(19|20)\d\d\s*年$`)
	for name, text := range corpus(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for _, a := range FindAmounts(text) {
				checkSpan(t, text, a.Text, a.Start, a.End)
			}
			for _, q := range FindQuantities(text) {
				checkSpan(t, text, q.Text, q.Start, q.End)
				if year.MatchString(q.Text) {
					t.Errorf("year %q returned as a quantity", q.Text)
				}
			}
			for _, d := range FindDates(text) {
				checkSpan(t, text, d.Text, d.Start, d.End)
			}
		})
	}
}

func TestCorpusKnownValues(t *testing.T) {
	t.Parallel()
	docs := corpus(t)
	tests := []struct {
		name, file string
		find       func(string) []string
		want       []string
	}{
		{"zj16 first rewards", "zj16.txt", amountTexts, []string{"450万元", "300万元", "50万元", "225万元"}},
		{"seed 000 dates", "000_036065d9ee9aa55d.txt", dateTexts, []string{"2023-08-03", "2023年7月12日", "2027年"}},
		{"seed 000 targets", "000_036065d9ee9aa55d.txt", percentTexts, []string{"4%", "2.6%", "10%", "15%"}},
		{"seed 000 counts", "000_036065d9ee9aa55d.txt", quantityTexts, []string{"十二届", "三次", "十四届", "三次"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := tt.find(docs[tt.file])
			if len(got) < len(tt.want) {
				t.Fatalf("found %q; want it to start with %q", got, tt.want)
			}
			for i, w := range tt.want {
				if got[i] != w {
					t.Errorf("match %d = %q; want %q (all: %q)", i, got[i], w, got[:len(tt.want)])
				}
			}
		})
	}
}

func amountTexts(s string) (out []string) {
	for _, a := range FindAmounts(s) {
		out = append(out, a.Text)
	}
	return out
}

func quantityTexts(s string) (out []string) {
	for _, q := range FindQuantities(s) {
		out = append(out, q.Text)
	}
	return out
}

func percentTexts(s string) (out []string) {
	for _, q := range FindQuantities(s) {
		if q.Unit == "%" {
			out = append(out, q.Text)
		}
	}
	return out
}

func dateTexts(s string) (out []string) {
	for _, d := range FindDates(s) {
		out = append(out, d.Text)
	}
	return out
}

func BenchmarkFindAll(b *testing.B) {
	docs := corpus(b)
	var size int64
	for _, d := range docs {
		size += int64(len(d))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			FindAmounts(d)
			FindQuantities(d)
			FindDates(d)
		}
	}
}

// TestGoldValues checks that every money measure and target in the
// hand-made gold files is found in its sentence.
func TestGoldValues(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/gold_values.tsv")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(b), "\n") {
		c := strings.Split(line, "\t")
		if strings.HasPrefix(line, "#") || len(c) != 5 {
			continue
		}
		n++
		want, err := strconv.ParseFloat(c[2], 64)
		if err != nil {
			t.Fatalf("bad value in %q", line)
		}
		if !goldFound(c[0], want, c[3], c[4]) {
			t.Errorf("%s: %s %s %s not found in %q", c[1], c[0], c[2], c[3], c[4])
		}
	}
	if n < 300 {
		t.Errorf("only %d gold values read", n)
	}
}

// goldFound reports whether the value (with unit, for targets) is in text.
// The gold counts people written with 名 as 人; cnum keeps 名 as written.
func goldFound(kind string, want float64, unit, text string) bool {
	if kind == "M" {
		for _, a := range FindAmounts(text) {
			if a.Value == want {
				return true
			}
		}
		return false
	}
	for _, q := range FindQuantities(text) {
		if q.Value == want && (q.Unit == unit || (unit == "人" && q.Unit == "名")) {
			return true
		}
	}
	return false
}
