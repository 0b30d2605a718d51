package diff

// Line diff: patience diff (Bram Cohen's), the algorithm behind `git diff
// --patience` and, anchored the same way, Go's internal/diff. Lines that occur
// once in each side anchor the match; the longest increasing run of anchors is
// kept and the gaps between them are diffed the same way. It runs in
// O(n log n) and never pairs unrelated lines on the strength of common ones
// ("一、" or an empty line), which keeps edited clauses readable. A gap with no
// unique line falls back to a longest-common-subsequence table when small.

// edit is one line of a line diff: kept (' '), deleted ('-') or inserted ('+').
// A and B are the 0-based positions in old and new before the edit.
type edit struct {
	Kind byte
	A, B int
}

// maxTable bounds the LCS fallback table, 4 MB of int32.
const maxTable = 1 << 20

type differ struct {
	a, b  []string
	edits []edit
}

// lineDiff returns the edits turning a into b.
func lineDiff(a, b []string) []edit {
	d := &differ{a: a, b: b}
	d.diff(0, len(a), 0, len(b))
	return d.edits
}

func (d *differ) keep(i, j int)   { d.edits = append(d.edits, edit{' ', i, j}) }
func (d *differ) del(i, j int)    { d.edits = append(d.edits, edit{'-', i, j}) }
func (d *differ) insert(i, j int) { d.edits = append(d.edits, edit{'+', i, j}) }

// diff diffs a[a0:a1] against b[b0:b1].
func (d *differ) diff(a0, a1, b0, b1 int) {
	for a0 < a1 && b0 < b1 && d.a[a0] == d.b[b0] {
		d.keep(a0, b0)
		a0, b0 = a0+1, b0+1
	}
	suffix := 0
	for a1-suffix > a0 && b1-suffix > b0 && d.a[a1-suffix-1] == d.b[b1-suffix-1] {
		suffix++
	}
	d.middle(a0, a1-suffix, b0, b1-suffix)
	for k := suffix; k > 0; k-- {
		d.keep(a1-k, b1-k)
	}
}

// middle diffs ranges that differ in their first and last lines.
func (d *differ) middle(a0, a1, b0, b1 int) {
	if a0 == a1 || b0 == b1 {
		d.replace(a0, a1, b0, b1)
		return
	}
	anchors := d.uniqueLCS(a0, a1, b0, b1)
	if len(anchors) == 0 {
		if (a1-a0)*(b1-b0) <= maxTable {
			d.table(a0, a1, b0, b1)
		} else {
			d.replace(a0, a1, b0, b1)
		}
		return
	}
	for _, m := range anchors {
		d.diff(a0, m[0], b0, m[1])
		d.keep(m[0], m[1])
		a0, b0 = m[0]+1, m[1]+1
	}
	d.diff(a0, a1, b0, b1)
}

// replace deletes a[a0:a1] and inserts b[b0:b1].
func (d *differ) replace(a0, a1, b0, b1 int) {
	for i := a0; i < a1; i++ {
		d.del(i, b0)
	}
	for j := b0; j < b1; j++ {
		d.insert(a1, j)
	}
}

// uniqueLCS returns the longest run of line pairs, increasing in both sides,
// among lines that occur exactly once in a[a0:a1] and once in b[b0:b1].
func (d *differ) uniqueLCS(a0, a1, b0, b1 int) [][2]int {
	type seen struct{ na, nb, ia, ib int }
	count := map[string]*seen{}
	for i := a0; i < a1; i++ {
		s := count[d.a[i]]
		if s == nil {
			s = &seen{}
			count[d.a[i]] = s
		}
		s.na, s.ia = s.na+1, i
	}
	for j := b0; j < b1; j++ {
		if s := count[d.b[j]]; s != nil {
			s.nb, s.ib = s.nb+1, j
		}
	}
	var pairs [][2]int // in a order
	for i := a0; i < a1; i++ {
		if s := count[d.a[i]]; s.na == 1 && s.nb == 1 {
			pairs = append(pairs, [2]int{s.ia, s.ib})
		}
	}
	return longestIncreasing(pairs)
}

// longestIncreasing returns the longest subsequence of pairs whose second
// elements increase, by patience sorting.
func longestIncreasing(pairs [][2]int) [][2]int {
	var tops []int                  // index into pairs of the top card of each pile
	prev := make([]int, len(pairs)) // the top of the pile to the left when placed
	for k, p := range pairs {
		lo, hi := 0, len(tops)
		for lo < hi {
			mid := (lo + hi) / 2
			if pairs[tops[mid]][1] < p[1] {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		prev[k] = -1
		if lo > 0 {
			prev[k] = tops[lo-1]
		}
		if lo == len(tops) {
			tops = append(tops, k)
		} else {
			tops[lo] = k
		}
	}
	if len(tops) == 0 {
		return nil
	}
	out := make([][2]int, len(tops))
	for k, i := tops[len(tops)-1], len(tops)-1; k >= 0; k, i = prev[k], i-1 {
		out[i] = pairs[k]
	}
	return out
}

// table diffs small ranges with a longest-common-subsequence table.
func (d *differ) table(a0, a1, b0, b1 int) {
	n, m := a1-a0, b1-b0
	// lcs[i*(m+1)+j] is the LCS length of a[a0+i:a1] and b[b0+j:b1].
	lcs := make([]int32, (n+1)*(m+1))
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if d.a[a0+i] == d.b[b0+j] {
				lcs[i*(m+1)+j] = lcs[(i+1)*(m+1)+j+1] + 1
			} else {
				lcs[i*(m+1)+j] = max(lcs[(i+1)*(m+1)+j], lcs[i*(m+1)+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case d.a[a0+i] == d.b[b0+j]:
			d.keep(a0+i, b0+j)
			i, j = i+1, j+1
		case lcs[(i+1)*(m+1)+j] >= lcs[i*(m+1)+j+1]:
			d.del(a0+i, b0+j)
			i++
		default:
			d.insert(a0+i, b0+j)
			j++
		}
	}
	d.replace(a0+i, a1, b0+j, b1)
}
