package upload

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxNameRunes is the longest name SanitizeName returns, in characters.
const MaxNameRunes = 100

// defaultStem names a file whose name has nothing left.
const defaultStem = "附件"

// SanitizeName returns a name safe to show and to save on any system: the
// last element of a path (split at / and \), without control characters,
// Unicode direction overrides and other invisible format characters,
// without characters Windows forbids, runs of dots collapsed, no leading
// dots or spaces, no trailing dots or spaces, a reserved Windows device
// name (CON, NUL, COM1…) prefixed with "_", and at most MaxNameRunes
// characters, the extension kept. Chinese and other letters stay as they
// are. A name with nothing left becomes "附件" with its extension.
func SanitizeName(name string) string {
	name = strings.ToValidUTF8(name, "")
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(keepRune, name)
	for strings.Contains(name, "..") {
		name = strings.ReplaceAll(name, "..", ".")
	}
	name = strings.TrimRight(strings.TrimLeft(name, ". "), ". ")
	stem, ext := splitExt(name)
	if stem == "" {
		stem = defaultStem
	}
	if isReserved(stem) {
		stem = "_" + stem
	}
	if ext != "" {
		ext = "." + ext
	}
	if room := MaxNameRunes - utf8.RuneCountInString(ext); utf8.RuneCountInString(stem) > room {
		stem = strings.TrimRight(string([]rune(stem)[:room]), ". ")
	}
	return stem + ext
}

// keepRune drops control and format characters (the bidi overrides
// U+202A–U+202E and U+2066–U+2069, zero-width spaces, BOMs) and replaces
// characters Windows forbids in names; whitespace becomes a plain space.
func keepRune(r rune) rune {
	switch {
	case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r):
		return -1
	case strings.ContainsRune(`<>:"|?*`, r):
		return '_'
	case unicode.IsSpace(r):
		return ' '
	}
	return r
}

// splitExt splits a name at its last dot when what follows looks like an
// extension: 1 to 10 letters or digits.
func splitExt(name string) (stem, ext string) {
	e := path.Ext(name)
	if n := utf8.RuneCountInString(e); n < 2 || n > 11 || strings.IndexFunc(e[1:], notAlnum) >= 0 {
		return name, ""
	}
	return strings.TrimRight(name[:len(name)-len(e)], ". "), e[1:]
}

func notAlnum(r rune) bool {
	return r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// extOf is the extension of a sanitised name, without the dot.
func extOf(name string) string {
	_, ext := splitExt(name)
	return ext
}

// isReserved tells a name Windows keeps for devices, whatever follows its
// first dot: CON, PRN, AUX, NUL, COM0–9, LPT0–9 in any case.
func isReserved(stem string) bool {
	base, _, _ := strings.Cut(strings.ToUpper(strings.TrimSpace(stem)), ".")
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '0' && base[3] <= '9'
}
