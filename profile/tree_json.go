package profile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// jsonReader builds nodes from a JSON text, rejecting duplicate keys, which
// encoding/json would let pass with the last value winning.
type jsonReader struct {
	dec   *json.Decoder
	data  []byte
	nodes int
	off   int // lines are counted up to here,
	lines int // and there are this many
}

// parseJSON reads exactly one JSON value.
func parseJSON(data []byte) (*node, error) {
	r := &jsonReader{dec: json.NewDecoder(bytes.NewReader(data)), data: data}
	r.dec.UseNumber()
	n, err := r.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := r.dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("第 %d 行: JSON 值之后还有多余内容", r.line())
	}
	return n, nil
}

// line is the line of the decoder's position. The decoder only moves
// forward, so each byte is counted once.
func (r *jsonReader) line() int {
	off := min(int(r.dec.InputOffset()), len(r.data))
	if off > r.off {
		r.lines += bytes.Count(r.data[r.off:off], []byte("\n"))
		r.off = off
	}
	return 1 + r.lines
}

func (r *jsonReader) value(depth int) (*node, error) {
	if r.nodes++; r.nodes > maxNodes || depth > maxDepth {
		return nil, fmt.Errorf("嵌套过深或内容过多（第 %d 行）", r.line())
	}
	tok, err := r.dec.Token()
	if err != nil {
		return nil, jsonSyntax(err, r.line())
	}
	n := &node{line: r.line()}
	switch t := tok.(type) {
	case nil:
		n.kind = kNull
	case bool:
		n.kind, n.text = kBool, fmt.Sprint(t)
	case json.Number:
		n.kind, n.text = kNumber, t.String()
	case string:
		n.kind, n.text = kString, t
	case json.Delim:
		if t == '{' {
			return n, r.object(n, depth)
		} else if t == '[' {
			return n, r.array(n, depth)
		}
		return nil, fmt.Errorf("第 %d 行: 意外的 %q", r.line(), t)
	}
	return n, nil
}

func (r *jsonReader) object(n *node, depth int) error {
	n.kind = kObject
	seen := map[string]bool{}
	for r.dec.More() {
		tok, err := r.dec.Token()
		if err != nil {
			return jsonSyntax(err, r.line())
		}
		key, _ := tok.(string) // the decoder allows only strings here
		if seen[key] {
			return fmt.Errorf("第 %d 行: 字段 %q 重复出现", r.line(), key)
		}
		seen[key] = true
		v, err := r.value(depth + 1)
		if err != nil {
			return err
		}
		n.keys, n.fields = append(n.keys, key), append(n.fields, v)
	}
	_, err := r.dec.Token() // '}'
	return jsonSyntax(err, r.line())
}

func (r *jsonReader) array(n *node, depth int) error {
	n.kind = kArray
	for r.dec.More() {
		v, err := r.value(depth + 1)
		if err != nil {
			return err
		}
		n.items = append(n.items, v)
	}
	_, err := r.dec.Token() // ']'
	return jsonSyntax(err, r.line())
}

// jsonSyntax words a decoder error for people, with its line.
func jsonSyntax(err error, line int) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("JSON 不完整（在第 %d 行结束）", line)
	}
	return fmt.Errorf("第 %d 行: JSON 语法错误: %v", line, err)
}
