package rules

import (
	"fmt"
	"sort"
)

// check validates a version: period, lets, tables, the condition tree and
// the amount; every expression is typed.
func (v *Version) check() error {
	sp := v.spec
	switch {
	case v.Name == "":
		return fmt.Errorf("line %d: version: a name is required", sp.line)
	case v.From.IsZero():
		return fmt.Errorf("line %d: version %q: effective_from is required", sp.line, v.Name)
	case !v.To.IsZero() && dateCmp(v.To, v.From) < 0:
		return fmt.Errorf("line %d: version %q: effective_to is before effective_from", sp.line, v.Name)
	case sp.When == nil:
		return fmt.Errorf("line %d: version %q: when (the conditions) is required", sp.line, v.Name)
	}
	c := &checker{v: sp, visiting: map[string]bool{}}
	for _, id := range sortedKeys(sp.Tables) {
		if err := checkTable(id, sp.Tables[id]); err != nil {
			return err
		}
	}
	if err := v.checkLets(c); err != nil {
		return err
	}
	if err := checkCond(c, sp.When, map[string]bool{}); err != nil {
		return err
	}
	if sp.Amount != nil {
		return checkAmount(c, sp.Amount)
	}
	return nil
}

func (v *Version) checkLets(c *checker) error {
	for _, id := range sortedKeys(v.spec.Let) {
		l := v.spec.Let[id]
		_, isField := fields[id]
		_, isFin := finFields[id]
		_, isFn := builtins[id]
		switch {
		case !idPattern.MatchString(id) || isField || isFin || isFn || id == "as_of":
			return fmt.Errorf("let %q: want a new lower-case name (not a field or function)", id)
		case l == nil || l.Expr == nil:
			return fmt.Errorf("let %q: expr is required", id)
		case l.Label == "":
			return fmt.Errorf("line %d: let %q: label is required (explanations use it)", l.Expr.line, id)
		}
		if _, err := c.typeOf(&name{id}); err != nil {
			return fmt.Errorf("line %d: let %q: %v", l.Expr.line, id, err)
		}
	}
	return nil
}

// checkCond checks one condition and its children; ids are unique.
func checkCond(c *checker, cs *condSpec, ids map[string]bool) error {
	if cs.ID != "" {
		if !idPattern.MatchString(cs.ID) {
			return fmt.Errorf("line %d: condition id %q: want lower-case letters, digits and _", cs.line, cs.ID)
		}
		if ids[cs.ID] {
			return fmt.Errorf("line %d: condition id %q repeated", cs.line, cs.ID)
		}
		ids[cs.ID] = true
	}
	switch cs.kind {
	case "declare":
		if cs.ID == "" {
			return fmt.Errorf("line %d: a declaration needs an id (the key the applicant confirms)", cs.line)
		}
	case "check":
		t, err := c.typeOf(cs.check.n)
		if err != nil {
			return fmt.Errorf("line %d: %q: %v", cs.check.line, cs.check.text, err)
		}
		if t.kind != kBool {
			return fmt.Errorf("line %d: %q is a %s: a check is a comparison or a yes/no fact", cs.check.line, cs.check.text, t)
		}
	}
	for _, ch := range cs.children {
		if err := checkCond(c, ch, ids); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
