package diff

import (
	"strings"
	"testing"
)

// render shows edits compactly: " a -b +c".
func render(a, b []string, es []edit) string {
	var out []string
	for _, e := range es {
		switch e.Kind {
		case ' ', '-':
			out = append(out, string(e.Kind)+a[e.A])
		case '+':
			out = append(out, "+"+b[e.B])
		}
	}
	return strings.Join(out, " ")
}

// check verifies that the edits spell out a on the old side and b on the new.
func check(t testing.TB, a, b []string, es []edit) {
	t.Helper()
	var olds, news []string
	for _, e := range es {
		switch e.Kind {
		case ' ':
			if a[e.A] != b[e.B] {
				t.Fatalf("kept line differs: %q vs %q", a[e.A], b[e.B])
			}
			olds, news = append(olds, a[e.A]), append(news, b[e.B])
		case '-':
			olds = append(olds, a[e.A])
		case '+':
			news = append(news, b[e.B])
		}
	}
	if strings.Join(olds, "\n") != strings.Join(a, "\n") || strings.Join(news, "\n") != strings.Join(b, "\n") {
		t.Fatalf("edits do not rebuild the inputs:\nold %q\nnew %q", olds, news)
	}
}

func TestLineDiff(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, a, b, want string
	}{
		{"identical", "a b c", "a b c", " a  b  c"},
		{"both empty", "", "", ""},
		{"all inserted", "", "a b", "+a +b"},
		{"all deleted", "a b", "", "-a -b"},
		{"one changed", "a b c", "a x c", " a -b +x  c"},
		{"inserted in middle", "a c", "a b c", " a +b  c"},
		{"deleted at end", "a b c", "a b", " a  b -c"},
		{"moved line", "a b c d", "b c d a", "-a  b  c  d +a"},
		// Only repeated lines: no anchor, the LCS table decides.
		{"repeated lines", "x y x y", "y x y x", "-x  y  x  y +x"},
		// Unique lines anchor; the common "一、" lines do not pair b with y.
		{"anchors beat common lines", "一、 b 一、 c", "一、 y 一、 c", " 一、 -b +y  一、  c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, b := strings.Fields(tt.a), strings.Fields(tt.b)
			es := lineDiff(a, b)
			check(t, a, b, es)
			if got := render(a, b, es); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSplitLines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []string
	}{
		{"lines", "一、总则\n二、措施\n", []string{"一、总则", "二、措施"}},
		{"sentences of a paragraph", "第一句。第二句。\n下一段", []string{"第一句。", "第二句。", "下一段"}},
		{"no final newline", "甲\n乙", []string{"甲", "乙"}},
		{"empty lines kept", "甲\n\n乙", []string{"甲", "", "乙"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ls := splitLines(tt.text)
			if got := texts(ls); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for _, l := range ls { // offsets point at the line in the text
				if !strings.HasPrefix(tt.text[l.off:], l.text) {
					t.Errorf("line %q at %d does not start there", l.text, l.off)
				}
			}
		})
	}
}

func FuzzLineDiff(f *testing.F) {
	f.Add("a\nb\nc", "a\nx\nc")
	f.Add("一、\n甲\n一、", "")
	f.Add("x\nx\nx", "x\ny\nx\nx")
	f.Fuzz(func(t *testing.T, x, y string) {
		a, b := strings.Split(x, "\n"), strings.Split(y, "\n")
		check(t, a, b, lineDiff(a, b))
		splitLines(x) // must not panic on any text
	})
}
