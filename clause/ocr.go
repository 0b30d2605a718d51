package clause

import (
	"regexp"
	"strings"
)

// ocrLabel finds a clause number with OCR slips — I, l or | read for 1, O or o
// for 0 ("I1." for "11.", "1O、" for "10、") — in label position: at the start of a
// line, after a sentence end or closing bracket, or right after a heading
// ("…行动I1.培育…"; the parser decides whether that is a label).
var ocrLabel = regexp.MustCompile(`(^|[。；;！？!?：:)）】\p{Han}])([0-9IlO|o]{2,3})( {0,2}[.．、])`)

// fixOCRLabels repairs OCR slips in clause numbers of one line. Only numbers
// with at least one real digit, and not followed by another digit, are touched.
func fixOCRLabels(line string) string {
	if !strings.ContainsAny(line, "IlO|o") {
		return line
	}
	idx := ocrLabel.FindAllStringSubmatchIndex(line, -1)
	if idx == nil {
		return line
	}
	var b strings.Builder
	prev := 0
	for _, m := range idx {
		num := line[m[4]:m[5]]
		if !strings.ContainsAny(num, "0123456789") || !strings.ContainsAny(num, "IlO|o") || startsWith(line, m[1], isDigit) {
			continue
		}
		b.WriteString(line[prev:m[4]])
		b.WriteString(strings.NewReplacer("I", "1", "l", "1", "|", "1", "O", "0", "o", "0").Replace(num))
		prev = m[5]
	}
	b.WriteString(line[prev:])
	return b.String()
}
