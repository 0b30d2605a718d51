package decode

import (
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// joinLines joins decoded lines, dropping blank ones: every format yields
// one paragraph per line, as the corpus text files have.
func joinLines(lines []string) string {
	out := lines[:0:0]
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\u00a0\u3000")
		if strings.TrimSpace(strings.ReplaceAll(l, "\u3000", " ")) != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// hintsTitle returns Hints with just a title.
func hintsTitle(title string) huiqi.Hints {
	return huiqi.Hints{Title: strings.TrimSpace(title)}
}
