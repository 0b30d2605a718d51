package rules

import (
	"sort"

	"github.com/huiqi-dev/huiqi"
)

// ask ranks the fields missing from unknown conditions, most decisive
// first: a field whose condition, once unmet, makes the whole rule unmet;
// then one whose condition, once met, makes it met; then the rest. Among
// equals, a field that alone decides its condition comes first, then the
// one that appears in more conditions, then the order of the rule.
func ask(root *huiqi.ConditionResult) []huiqi.Field {
	type rank struct {
		f                  huiqi.Field
		class, alone, uses int
		order              int
	}
	ranks := map[string]*rank{}
	var order []string
	walkLeaves(root, func(leaf *huiqi.ConditionResult) {
		if leaf.Status != huiqi.Unknown || len(leaf.Missing) == 0 {
			return
		}
		class := 2
		if statusIf(root, leaf, huiqi.Unmet) == huiqi.Unmet {
			class = 0
		} else if statusIf(root, leaf, huiqi.Met) == huiqi.Met {
			class = 1
		}
		alone := min(len(leaf.Missing), 2)
		for _, f := range leaf.Missing {
			r, ok := ranks[f.Path]
			if !ok {
				r = &rank{f: f, class: class, alone: alone, order: len(order)}
				ranks[f.Path] = r
				order = append(order, f.Path)
			}
			r.class, r.alone, r.uses = min(r.class, class), min(r.alone, alone), r.uses+1
		}
	})
	out := make([]*rank, 0, len(order))
	for _, p := range order {
		out = append(out, ranks[p])
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.class != b.class {
			return a.class < b.class
		} else if a.alone != b.alone {
			return a.alone < b.alone
		}
		return a.uses > b.uses
	})
	fields := make([]huiqi.Field, len(out))
	for i, r := range out {
		fields[i] = r.f
	}
	return fields
}

// statusIf recomputes r's status with leaf forced to s.
func statusIf(r, leaf *huiqi.ConditionResult, s huiqi.Status) huiqi.Status {
	if r == leaf {
		return s
	}
	if len(r.Children) == 0 {
		return r.Status
	}
	ss := make([]huiqi.Status, len(r.Children))
	for i := range r.Children {
		ss[i] = statusIf(&r.Children[i], leaf, s)
	}
	switch r.Kind {
	case "any":
		return huiqi.Any(ss...)
	case "not":
		return huiqi.Not(ss[0])
	}
	return huiqi.All(ss...)
}
