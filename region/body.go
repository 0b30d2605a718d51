package region

// FromBody returns the region a document's body names most, for a local
// document whose issuer and title name none (a notice of 兰溪市 that speaks
// of 我市 and names 兰溪市 five times). Only unambiguous names count; a
// region's ancestors support it rather than compete with it. The top region
// must be named at least three times and more than twice as often as any
// other: a document that surveys several places names none.
func FromBody(text string) (Region, bool) {
	data()
	counts := map[string]int{}
	for _, m := range index.mentions(text) {
		if len(m.codes) == 1 {
			counts[m.codes[0]]++
		}
	}
	best, n := "", 0
	for code, c := range counts {
		if c > n || c == n && code < best {
			best, n = code, c
		}
	}
	if n < 3 {
		return Region{}, false
	}
	for code, c := range counts {
		if code != best && !Contains(code, best) && 2*c >= n {
			return Region{}, false
		}
	}
	return Lookup(best)
}
