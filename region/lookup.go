package region

// normalize turns a 2-, 4- or 6-digit code into six digits; ok is false for
// anything else.
func normalize(code string) (string, bool) {
	switch len(code) {
	case 2, 4, 6:
	default:
		return "", false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return "", false
		}
	}
	return pad6(code), true
}

// Lookup returns the region with the given 2-, 4- or 6-digit code ("51",
// "5101", "510105"); "100000" is National. Placeholder city entries such as
// 110100 市辖区 are found too, under their own name.
func Lookup(code string) (Region, bool) {
	c, ok := normalize(code)
	if !ok {
		return Region{}, false
	}
	if c == National.Code {
		return National, true
	}
	r, ok := data().byCode[c]
	return r, ok
}

// Ancestors returns the path from the province down to the region itself
// ([四川省 成都市 青羊区] for 510105), skipping placeholder cities. It is
// empty for unknown codes and [National] for National.
func Ancestors(code string) []Region {
	r, ok := Lookup(code)
	if !ok {
		return nil
	}
	var path []Region
	for {
		path = append(path, r)
		if r.Parent == "" {
			break
		}
		r = data().byCode[r.Parent]
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	return path
}

// Contains reports whether the region outer contains inner: "510100"
// contains "510105", a code contains itself, National contains every known
// code. Unknown codes are contained in nothing.
func Contains(outer, inner string) bool {
	o, ok1 := Lookup(outer)
	in, ok2 := Lookup(inner)
	switch {
	case !ok1 || !ok2:
		return false
	case o.Code == National.Code:
		return true
	case in.Code == National.Code:
		return false
	}
	n := 2 * o.Level // a province shares 2 digits with what it contains, a city 4
	return o.Code[:n] == in.Code[:n]
}

// Children returns the regions directly below code, in code order: the
// provinces for National, the cities of a province (and the counties of its
// placeholder groups, such as the districts of 北京市), the counties of a city.
func Children(code string) []Region {
	r, ok := Lookup(code)
	if !ok {
		return nil
	}
	parent := r.Code
	if r.Level == 0 {
		parent = ""
	}
	var out []Region
	for _, c := range data().children[parent] {
		out = append(out, data().byCode[c])
	}
	if isPlaceholder(r.Name) {
		for _, c := range data().children[r.Parent] {
			if c[:4] == r.Code[:4] {
				out = append(out, data().byCode[c])
			}
		}
	}
	return out
}

// All returns every region in code order, placeholder cities excluded.
func All() []Region {
	return append([]Region(nil), data().all...)
}
