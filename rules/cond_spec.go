package rules

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// condSpec is one condition of the tree as written.
type condSpec struct {
	ID, Label, Clause, Note string
	kind                    string // all, any, not, check, declare, in_region
	children                []*condSpec
	check                   *exprSrc
	declare                 string
	line                    int
}

var condKinds = []string{"all", "any", "not", "check", "declare", "in_region"}

// maxDepth bounds the nesting of conditions and of expressions.
const maxDepth = 50

func (c *condSpec) UnmarshalYAML(n *yaml.Node) error {
	c.line = n.Line
	if depth(n) > 2*maxDepth {
		return fmt.Errorf("line %d: conditions nested deeper than %d", n.Line, maxDepth)
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: a condition is a mapping with one of %s", n.Line, strings.Join(condKinds, ", "))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			return fmt.Errorf("line %d: key %q repeated", k.Line, k.Value)
		}
		seen[k.Value] = true
		if err := c.set(k, v); err != nil {
			return err
		}
	}
	if c.kind == "" {
		return fmt.Errorf("line %d: a condition needs one of %s", n.Line, strings.Join(condKinds, ", "))
	}
	return nil
}

// set reads one key of a condition.
func (c *condSpec) set(k, v *yaml.Node) error {
	switch k.Value {
	case "id", "label", "clause", "note":
		if v.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: %s must be text", v.Line, k.Value)
		}
		*map[string]*string{"id": &c.ID, "label": &c.Label, "clause": &c.Clause, "note": &c.Note}[k.Value] = v.Value
		return nil
	}
	if !slices.Contains(condKinds, k.Value) {
		return fmt.Errorf("line %d: unknown key %q in a condition (want id, label, clause, note and one of %s)", k.Line, k.Value, strings.Join(condKinds, ", "))
	}
	if c.kind != "" {
		return fmt.Errorf("line %d: a condition has one of %s, not both %s and %s", k.Line, strings.Join(condKinds, ", "), c.kind, k.Value)
	}
	c.kind = k.Value
	switch k.Value {
	case "all", "any":
		if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
			return fmt.Errorf("line %d: %s wants a non-empty list of conditions", v.Line, k.Value)
		}
		return v.Decode(&c.children)
	case "not":
		c.children = []*condSpec{{}}
		return v.Decode(c.children[0])
	case "check":
		c.check = &exprSrc{}
		return c.check.UnmarshalYAML(v)
	case "declare":
		if v.Kind != yaml.ScalarNode || v.Value == "" {
			return fmt.Errorf("line %d: declare wants the text the applicant confirms", v.Line)
		}
		if c.Label == "" {
			c.Label = v.Value
		}
		c.Note = strings.TrimSpace(c.Note)
		c.declare = v.Value
		return nil
	case "in_region":
		if v.Value != "true" {
			return fmt.Errorf("line %d: in_region: true is the only form", v.Line)
		}
		return nil
	}
	return fmt.Errorf("line %d: unknown key %q in a condition (want id, label, clause, note and one of %s)", k.Line, k.Value, strings.Join(condKinds, ", "))
}

// depth is the nesting depth of a YAML node.
func depth(n *yaml.Node) int {
	d := 0
	for _, c := range n.Content {
		d = max(d, depth(c))
	}
	return d + 1
}
