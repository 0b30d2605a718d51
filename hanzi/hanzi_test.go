package hanzi

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestToSimplified(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"phrase keeps 乾隆", "乾隆皇帝", "乾隆皇帝"},
		{"乾燥 becomes 干燥", "氣候乾燥", "气候干燥"},
		{"於 becomes 于", "關於印發實施意見的通知", "关于印发实施意见的通知"},
		{"計畫 becomes 计划", "科技計畫項目", "科技计划项目"},
		{"seed 001 title", "成都市科學技術局", "成都市科学技术局"},
		{"seed 001 heading", "加快建設戰略科技力量,服務高水平科技自立自強", "加快建设战略科技力量,服务高水平科技自立自强"},
		{"money measure", "給予最高500萬元資金補助", "给予最高500万元资金补助"},
		{"simplified unchanged", "对首次认定的高新技术企业给予一次性奖励", "对首次认定的高新技术企业给予一次性奖励"},
		{"simplified 乾坤 unchanged", "扭转乾坤的改革", "扭转乾坤的改革"},
		{"no Han", "Article 3, 2023-08-03", "Article 3, 2023-08-03"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ToSimplified(tc.in); got != tc.want {
				t.Errorf("ToSimplified(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestIsTraditional(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"traditional sentence", "成都科技系統將堅持把貫徹落實", true},
		{"simplified sentence", "成都科技系统将坚持把贯彻落实", false},
		{"simplified with quoted name", strings.Repeat("推动高新技术企业发展，", 5) + "臺灣", false},
		{"乾隆 alone is not traditional", "乾隆年间", false},
		{"latin", "hello", false},
		{"empty", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsTraditional(tc.in); got != tc.want {
				t.Errorf("IsTraditional(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestSeedFiles(t *testing.T) {
	t.Parallel()
	trad := readFile(t, "testdata/seed001_traditional.txt")
	simp := readFile(t, "testdata/zj16_simplified.txt")
	if !IsTraditional(trad) {
		t.Error("seed 001 not detected as Traditional")
	}
	if IsTraditional(simp) {
		t.Error("zj16 detected as Traditional")
	}
	got := ToSimplified(trad)
	if utf8.RuneCountInString(got) != utf8.RuneCountInString(trad) {
		t.Errorf("rune count changed: %d → %d", utf8.RuneCountInString(trad), utf8.RuneCountInString(got))
	}
	want := "习近平总书记来川视察时强调"
	if !strings.Contains(got, want) {
		t.Errorf("converted seed 001 lacks %q; starts %q", want, firstLine(got, 2))
	}
	if IsTraditional(got) {
		t.Error("converted seed 001 still detected as Traditional")
	}
	if ToSimplified(simp) != simp {
		t.Error("Simplified zj16 changed by ToSimplified")
	}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func firstLine(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

func FuzzToSimplified(f *testing.F) {
	for _, s := range []string{"乾隆乾燥於計畫", "成都市科學技術局", "简体", "\xff\xfe", "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := ToSimplified(in)
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Errorf("ToSimplified(%q) = %q: invalid UTF-8", in, out)
		}
		if utf8.ValidString(in) && utf8.RuneCountInString(out) != utf8.RuneCountInString(in) {
			t.Errorf("rune count %d → %d", utf8.RuneCountInString(in), utf8.RuneCountInString(out))
		}
	})
}

func BenchmarkToSimplifiedTraditional(b *testing.B) {
	text := readFile(b, "testdata/seed001_traditional.txt")
	ToSimplified(text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		ToSimplified(text)
	}
}

func BenchmarkToSimplifiedSimplified(b *testing.B) {
	text := readFile(b, "testdata/zj16_simplified.txt")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		ToSimplified(text)
	}
}
