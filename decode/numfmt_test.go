package decode

import "testing"

func TestFormatNumber(t *testing.T) {
	t.Parallel()
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"},
		{10, "chineseCounting", "十"},
		{11, "chineseCountingThousand", "十一"},
		{20, "taiwaneseCountingThousand", "二十"},
		{21, "chineseCounting", "二十一"},
		{101, "chineseCountingThousand", "一百零一"},
		{110, "chineseCountingThousand", "一百一十"},
		{1005, "chineseCountingThousand", "一千零五"},
		{3, "chineseLegalSimplified", "叁"},
		{2, "ideographTraditional", "乙"},
		{3, "decimal", "3"},
		{3, "decimalZero", "03"},
		{12, "decimalFullWidth", "１２"},
		{2, "decimalEnclosedCircle", "②"},
		{28, "lowerLetter", "bb"},
		{4, "upperRoman", "IV"},
		{9, "lowerRoman", "ix"},
		{5, "unknownFormat", "5"},
	}
	for _, tc := range tests {
		if got := formatNumber(tc.n, tc.format); got != tc.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tc.n, tc.format, got, tc.want)
		}
	}
}
