package zhtext

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"short traditional query", "孵化器補助", "孵化器补助"},
		{"traditional phrase", "關於科技計畫的通知", "关于科技计划的通知"},
		{"phrase kept", "乾隆年間", "乾隆年间"},
		{"simplified unchanged", "对首次认定的高新技术企业给予奖励", "对首次认定的高新技术企业给予奖励"},
		{"full width ascii", "ＡＢＣ１２３％　号", "abc123% 号"},
		{"lower case", "GDP 与 R&D", "gdp 与 r&d"},
		{"doc number", "臨政辦發〔2017〕132號", "临政办发〔2017〕132号"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func texts(terms []Term, k Kind) []string {
	var out []string
	for _, t := range terms {
		if t.Kind == k {
			out = append(out, t.Text)
		}
	}
	return out
}

func TestWordsKeepPolicyTerms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     []string
	}{
		{"专精特新", "支持专精特新中小企业发展", []string{"专精特新"}},
		{"小巨人", "认定为国家级专精特新小巨人企业的", []string{"小巨人"}},
		{"高新技术企业", "对首次认定的高新技术企业给予奖励", []string{"高新技术企业", "奖励"}},
		{"区科学技术局", "由区科学技术局负责解释", []string{"区科学技术局"}},
		{"孵化器", "对新认定的国家级、省级孵化器给予资金补助", []string{"孵化器", "补助"}},
		{"traditional", "對新認定的孵化器給予資金補助", []string{"孵化器", "补助"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := texts(Words(tt.in), Word)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("Words(%q) = %q, missing %q", tt.in, got, w)
				}
			}
		})
	}
}

func TestTermsBigramsFindSubstrings(t *testing.T) {
	t.Parallel()
	text := "对新认定的国家级、省级孵化器，给予一次性资金补助。"
	terms := Terms(text)
	all := map[string]bool{}
	for _, tm := range terms {
		all[tm.Text] = true
		if got := Normalize(text[tm.Start:tm.End]); got != tm.Text {
			t.Errorf("term %q maps back to %q", tm.Text, got)
		}
	}
	for _, w := range []string{"孵化", "化器", "补助", "资金", "金补", "省级"} {
		if !all[w] {
			t.Errorf("Terms misses %q; have %v", w, terms)
		}
	}
	if all["器给"] || all["、省"] {
		t.Errorf("a bigram crosses punctuation: %v", terms)
	}
	for i := 1; i < len(terms); i++ {
		if terms[i].Pos < terms[i-1].Pos {
			t.Fatalf("terms out of order at %d: %v", i, terms)
		}
	}
}

func TestTermsOffsetsOnTraditional(t *testing.T) {
	t.Parallel()
	// 補 and 补 have the same UTF-8 length, 〔 and 號 do not change; the
	// full-width digits (3 bytes) become 1-byte digits: offsets must still
	// point into the original.
	text := "臨政辦發〔２０１７〕１３２號：孵化器補助"
	for _, tm := range Terms(text) {
		orig := text[tm.Start:tm.End]
		if Normalize(orig) != tm.Text {
			t.Errorf("term %q at [%d,%d) is %q in the original", tm.Text, tm.Start, tm.End, orig)
		}
	}
	if got := texts(Terms(text), Word); !slices.Contains(got, "2017") {
		t.Errorf("words %q lack 2017", got)
	}
}

func TestBigrams(t *testing.T) {
	t.Parallel()
	got := Bigrams("孵化器補助")
	want := []string{"孵化", "化器", "器补", "补助"}
	if !slices.Equal(got, want) {
		t.Errorf("Bigrams = %q, want %q", got, want)
	}
	if got := Bigrams("补"); got != nil {
		t.Errorf("Bigrams of one character = %q", got)
	}
}

func FuzzTerms(f *testing.F) {
	for _, s := range []string{"", "孵化器補助", "临政办发〔2017〕132号", "ＡＢＣ　１２", "\xff\xfe孵化", "a\u0301b", "İstanbul 专精特新"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := utf8.RuneCountInString(s)
		if got := utf8.RuneCountInString(Normalize(s)); got != n {
			t.Fatalf("Normalize changed the rune count %d → %d", n, got)
		}
		for _, tm := range Terms(s) {
			if tm.Start < 0 || tm.End > len(s) || tm.Start >= tm.End || tm.Pos < 0 || tm.Pos >= n {
				t.Fatalf("term %+v out of range for %d bytes", tm, len(s))
			}
			if strings.TrimSpace(tm.Text) == "" {
				t.Fatalf("empty term %+v", tm)
			}
		}
	})
}
