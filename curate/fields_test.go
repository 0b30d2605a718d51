package curate_test

import (
	"strconv"
	"testing"

	"github.com/huiqi-dev/huiqi/curate"
)

func TestParseYuan(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]int64{
		"300000": 300000, "300000元": 300000, "30万": 300000, "30万元": 300000, " 1.5亿元 ": 150000000,
		"2.5万元": 25000, "1,000,000": 1000000, "0": 0,
	} {
		if got, err := curate.ParseYuan(in); err != nil || got != want {
			t.Errorf("ParseYuan(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "很多", "-5", "1.23", "0.00001万", "万元", "1e20", "NaN", "Inf", "1e3", "0x1p4", "+5"} {
		if got, err := curate.ParseYuan(in); err == nil {
			t.Errorf("ParseYuan(%q) = %d, want an error", in, got)
		}
	}
}

// FuzzParseYuan: whatever is typed, an amount read is whole, not
// negative, and a figure written back reads the same.
func FuzzParseYuan(f *testing.F) {
	for _, s := range []string{"300000", "30万元", "1.5亿", "-1", "1e3", "0x10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := curate.ParseYuan(s)
		if err != nil {
			return
		}
		if n < 0 {
			t.Fatalf("ParseYuan(%q) = %d", s, n)
		}
		if back, err := curate.ParseYuan(strconv.FormatInt(n, 10)); err != nil || back != n {
			t.Fatalf("ParseYuan(%d) = %d, %v", n, back, err)
		}
	})
}
