package profile

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// parseYAML reads one YAML document. Scalars keep the text they were written
// with, so an unquoted code such as 0111 is not read as the number 111.
func parseYAML(data []byte) (*node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("YAML 语法错误: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if doc.Kind == 0 {
		return &node{kind: kNull}, nil // an empty file
	}
	count := 0
	return fromYAML(&doc, 0, &count)
}

// fromYAML converts a YAML node. Aliases are followed; count and depth
// bound the work an alias-heavy file can cause.
func fromYAML(y *yaml.Node, depth int, count *int) (*node, error) {
	if *count++; *count > maxNodes || depth > maxDepth {
		return nil, fmt.Errorf("第 %d 行: 嵌套过深或内容过多（别名展开后）", y.Line)
	}
	n := &node{line: y.Line}
	switch y.Kind {
	case yaml.DocumentNode:
		if len(y.Content) == 0 {
			return &node{kind: kNull}, nil
		}
		return fromYAML(y.Content[0], depth, count)
	case yaml.AliasNode:
		return fromYAML(y.Alias, depth+1, count)
	case yaml.ScalarNode:
		scalar(n, y)
	case yaml.SequenceNode:
		n.kind = kArray
		for _, c := range y.Content {
			v, err := fromYAML(c, depth+1, count)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, v)
		}
	case yaml.MappingNode:
		return n, mapping(n, y, depth, count)
	}
	return n, nil
}

// scalar sets n from a YAML scalar by its resolved tag.
func scalar(n *node, y *yaml.Node) {
	n.text, n.plain = y.Value, y.Style == 0
	switch y.ShortTag() {
	case "!!null":
		n.kind = kNull
	case "!!bool":
		n.kind = kBool
		n.text = strings.ToLower(y.Value)
	case "!!int", "!!float":
		n.kind = kNumber
	default: // !!str, !!timestamp, !!binary…
		n.kind = kString
	}
}

// mapping converts a YAML mapping: keys are strings, each at most once.
func mapping(n *node, y *yaml.Node, depth int, count *int) error {
	n.kind = kObject
	seen := map[string]bool{}
	for i := 0; i+1 < len(y.Content); i += 2 {
		k := y.Content[i]
		if k.Kind != yaml.ScalarNode {
			return fmt.Errorf("第 %d 行: 字段名应为文字", k.Line)
		}
		if seen[k.Value] {
			return fmt.Errorf("第 %d 行: 字段 %q 重复出现", k.Line, k.Value)
		}
		seen[k.Value] = true
		v, err := fromYAML(y.Content[i+1], depth+1, count)
		if err != nil {
			return err
		}
		n.keys, n.fields = append(n.keys, k.Value), append(n.fields, v)
	}
	return nil
}
