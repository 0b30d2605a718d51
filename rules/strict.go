package rules

import (
	"fmt"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"
)

var (
	unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()
	wrapperType     = reflect.TypeFor[lineKeeper]()
)

// lineKeeper marks a struct whose UnmarshalYAML only notes its line and
// decodes it plainly: its keys are checked here like any struct's.
type lineKeeper interface{ keepsLine() }

// checkKeys walks n against the Go type t before decoding, so an unknown
// or repeated key anywhere is an error with its line (yaml's own strict
// mode stops at the first custom unmarshaler and loses the lines).
// Types with their own UnmarshalYAML check their keys themselves.
func checkKeys(n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		return checkKeys(n.Content[0], t)
	}
	if n.Kind == yaml.AliasNode {
		return fmt.Errorf("line %d: aliases are not allowed in rule files", n.Line)
	}
	if pt := reflect.PointerTo(t); pt.Implements(unmarshalerType) && !pt.Implements(wrapperType) {
		return nil
	}
	switch t.Kind() {
	case reflect.Struct:
		return checkStruct(n, t)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return fmt.Errorf("line %d: want a list", n.Line)
		}
		for _, c := range n.Content {
			if err := checkKeys(c, t.Elem()); err != nil {
				return err
			}
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return fmt.Errorf("line %d: want a mapping", n.Line)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if err := checkKeys(n.Content[i+1], t.Elem()); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkStruct(n *yaml.Node, t reflect.Type) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: want a mapping", n.Line)
	}
	fields := map[string]reflect.Type{}
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag != "" && tag != "-" {
			fields[tag] = f.Type
			names = append(names, tag)
		}
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		ft, ok := fields[k.Value]
		if !ok {
			return fmt.Errorf("line %d: unknown key %q (want one of %s)", k.Line, k.Value, strings.Join(names, ", "))
		}
		if seen[k.Value] {
			return fmt.Errorf("line %d: key %q repeated", k.Line, k.Value)
		}
		seen[k.Value] = true
		if err := checkKeys(n.Content[i+1], ft); err != nil {
			return err
		}
	}
	return nil
}
