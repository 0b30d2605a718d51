package industry

import "strings"

// Normalize returns the canonical form of a code: a section letter in upper
// case ("c" → "C") or 2–4 digits. The form that puts the section letter
// before the digits ("C3921") is accepted when the letter is the code's
// section. Surrounding spaces are ignored. ok is false for codes the
// classification does not have.
func Normalize(code string) (string, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	in, ok := table()[code]
	if !ok && len(code) > 2 && isLetter(code[0]) {
		in, ok = table()[code[1:]]
		ok = ok && in.Level > Section && in.Section == code[:1]
	}
	return in.Code, ok
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' }

// Lookup returns the entry with the given code ("C", "39", "392", "3921",
// or any form Normalize accepts).
func Lookup(code string) (Industry, bool) {
	c, ok := Normalize(code)
	if !ok {
		return Industry{}, false
	}
	return table()[c], true
}

// Ancestors returns the path from the section down to the entry itself
// ([制造业 计算机、通信和其他电子设备制造业 通信设备制造 通信系统设备制造] for
// 3921). It is empty for unknown codes.
func Ancestors(code string) []Industry {
	in, ok := Lookup(code)
	if !ok {
		return nil
	}
	path := make([]Industry, in.Level)
	for {
		path[in.Level-1] = in
		if in.Parent == "" {
			return path
		}
		in = table()[in.Parent]
	}
}

// Contains reports whether the entry parent contains child: "C" contains
// "39" and "3921", "39" contains "392", a code contains itself. Unknown
// codes are contained in nothing.
func Contains(parent, child string) bool {
	p, ok1 := Lookup(parent)
	c, ok2 := Lookup(child)
	if !ok1 || !ok2 || p.Level > c.Level {
		return false
	}
	if p.Level == Section {
		return p.Code == c.Section
	}
	return strings.HasPrefix(c.Code, p.Code)
}

// Children returns the entries directly below code, in code order; the
// sections for "".
func Children(code string) []Industry {
	table()
	var out []Industry
	if code != "" {
		c, ok := Normalize(code)
		if !ok {
			return nil
		}
		code = c
	}
	for _, in := range all {
		if in.Parent == code {
			out = append(out, in)
		}
	}
	return out
}

// All returns every entry: each section followed by what it contains, in
// code order.
func All() []Industry {
	table()
	return append([]Industry(nil), all...)
}
