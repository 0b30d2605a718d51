package cnum

import (
	"testing"
	"unicode/utf8"
)

func TestParseNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want float64
		ok   bool
	}{
		{"integer", "50", 50, true},
		{"thousands comma", "1,200", 1200, true},
		{"two thousands groups", "12,345,678", 12345678, true},
		{"decimal", "1.5", 1.5, true},
		{"full-width digits", "１２", 12, true},
		{"full-width decimal point", "１．５", 1.5, true},
		{"chinese tens", "五十", 50, true},
		{"chinese thousands", "一千二百", 1200, true},
		{"liang wan", "两万", 20000, true},
		{"bare ten", "十", 10, true},
		{"ten and digit", "十五", 15, true},
		{"twenty five", "二十五", 25, true},
		{"twenty four", "二十四", 24, true},
		{"digit by digit pair", "二四", 24, true},
		{"digit by digit year", "二〇二三", 2023, true},
		{"digit by digit year with ling", "二零二三", 2023, true},
		{"zero inside", "一千零五", 1005, true},
		{"yi and wan", "一亿二千万", 120000000, true},
		{"wan yi", "一万亿", 1e12, true},
		{"colloquial yi wan wu", "一万五", 15000, true},
		{"colloquial san qian wu", "三千五", 3500, true},
		{"financial forms", "壹佰贰拾", 120, true},
		{"arabic with wan", "3万", 30000, true},
		{"arabic with yi", "1.5亿", 150000000, true},
		{"arabic with qian", "1千", 1000, true},
		{"arabic with qian wan", "3千万", 30000000, true},
		{"spaced multiplier", "100 万", 1000000, true},
		{"percent words", "百分之二十", 20, true},
		{"chinese decimal", "二点五", 2.5, true},
		{"percent words with decimal", "百分之零点五", 0.5, true},
		{"dian without digits", "二点", 0, false},
		{"percent sign", "20%", 20, true},
		{"full-width percent", "２．６％", 2.6, true},
		{"surrounding spaces", " 42 ", 42, true},
		{"fourteen five is a plan name", "十四五", 0, false},
		{"bare hundred", "百", 0, false},
		{"bare wan", "万", 0, false},
		{"qian wan idiom", "千万", 0, false},
		{"hundred before ten", "十百", 0, false},
		{"trailing text", "100元", 0, false},
		{"leading text", "第5", 0, false},
		{"empty", "", 0, false},
		{"letters", "abc", 0, false},
		{"two points", "1.2.3", 0, false},
		{"list comma", "1,2", 0, false},
		{"too many digits", "123456789012345678901", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := ParseNumber(tt.in)
			if ok != tt.ok || got != tt.want {
				t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestDecRound(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   dec
		want int64
	}{
		{"1.15 wan exactly", dec{115, -2}.shift(4), 11500},
		{"0.5 wan", dec{5, -1}.shift(4), 5000},
		{"half rounds up", dec{25, -1}, 3},
		{"below half rounds down", dec{249, -2}, 2},
		{"integer", dec{7, 0}, 7},
		{"positive exponent", dec{12, 8}, 1200000000},
		{"tiny", dec{1, -30}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := tt.in.round()
			if !ok || got != tt.want {
				t.Errorf("%+v.round() = %d, %v; want %d", tt.in, got, ok, tt.want)
			}
		})
	}
	if _, ok := (dec{9, 30}).round(); ok {
		t.Error("9e30 rounds without overflow")
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"50", "1,200", "一千二百", "二〇二三", "1.5亿", "百分之二十", "十四五", "１２", "一亿亿亿", "9999999999999999万亿"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseNumber(s)
		if !ok && v != 0 {
			t.Errorf("ParseNumber(%q) = %v with ok=false", s, v)
		}
		if ok && v < 0 {
			t.Errorf("ParseNumber(%q) = %v: negative", s, v)
		}
		if ok && !utf8.ValidString(s) {
			t.Errorf("ParseNumber(%q) accepted invalid UTF-8", s)
		}
	})
}
