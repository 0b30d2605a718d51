package decode

import (
	"strings"
)

// decodeText decodes a plain-text file.
func decodeText(name string, data []byte) (content, error) {
	s, enc, err := toUTF8(name, data, "")
	if err != nil {
		return content{}, err
	}
	return content{text: normalize(s), encoding: enc}, nil
}

// normalize makes line ends "\n", drops a stray byte-order mark and NULs,
// and trims trailing blanks from lines and the text, which carry nothing and
// differ between editors. Leading blanks (the 　　 paragraph indent) are kept.
func normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\ufeff", "")
	s = strings.ReplaceAll(s, "\x00", "")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\u00a0\u3000")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}
