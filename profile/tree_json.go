package profile

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/go-json-experiment/json/jsontext"
)

// jsonReader builds nodes from a JSON text with jsontext's streaming
// decoder, which rejects duplicate keys (encoding/json lets them pass, the
// last value winning) and invalid UTF-8, and reads a token without
// allocating an error per scalar as encoding/json's Token does.
type jsonReader struct {
	dec   *jsontext.Decoder
	data  []byte
	nodes int
	off   int // lines are counted up to here,
	lines int // and there are this many
}

// parseJSON reads exactly one JSON value.
func parseJSON(data []byte) (*node, error) {
	r := &jsonReader{dec: jsontext.NewDecoder(bytes.NewReader(data)), data: data}
	n, err := r.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := r.dec.ReadToken(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("第 %d 行: JSON 值之后还有多余内容", r.lineAt(r.dec.InputOffset()))
	}
	return n, nil
}

// lineAt is the line of a byte offset. The decoder only moves forward, so
// each byte is counted once.
func (r *jsonReader) lineAt(offset int64) int {
	off := min(int(offset), len(r.data))
	if off > r.off {
		r.lines += bytes.Count(r.data[r.off:off], []byte("\n"))
		r.off = off
	}
	return 1 + r.lines
}

func (r *jsonReader) value(depth int) (*node, error) {
	if r.nodes++; r.nodes > maxNodes || depth > maxDepth {
		return nil, fmt.Errorf("嵌套过深或内容过多（第 %d 行）", r.lineAt(r.dec.InputOffset()))
	}
	kind := r.dec.PeekKind()
	n := &node{line: r.lineAt(r.dec.InputOffset() + int64(len(separators(r.dec.UnreadBuffer()))))}
	if kind == '{' || kind == '[' {
		if _, err := r.dec.ReadToken(); err != nil {
			return nil, r.syntax(err)
		}
		if kind == '{' {
			return n, r.object(n, depth)
		}
		return n, r.array(n, depth)
	}
	v, err := r.dec.ReadValue()
	if err != nil {
		return nil, r.syntax(err)
	}
	switch kind {
	case 'n':
		n.kind = kNull
	case 't', 'f':
		n.kind, n.text = kBool, string(v)
	case '0':
		n.kind, n.text = kNumber, string(v)
	default: // '"'
		s, err := jsontext.AppendUnquote(nil, v)
		if err != nil {
			return nil, r.syntax(err)
		}
		n.kind, n.text = kString, string(s)
	}
	return n, nil
}

func (r *jsonReader) object(n *node, depth int) error {
	n.kind = kObject
	for r.dec.PeekKind() != '}' {
		tok, err := r.dec.ReadToken() // a name: jsontext allows only strings here, each once
		if err != nil {
			return r.syntax(err)
		}
		key := tok.String() // before the next read, which invalidates tok
		v, err := r.value(depth + 1)
		if err != nil {
			return err
		}
		n.keys, n.fields = append(n.keys, key), append(n.fields, v)
	}
	_, err := r.dec.ReadToken() // '}'
	return r.syntax(err)
}

func (r *jsonReader) array(n *node, depth int) error {
	n.kind = kArray
	for r.dec.PeekKind() != ']' {
		v, err := r.value(depth + 1)
		if err != nil {
			return err
		}
		n.items = append(n.items, v)
	}
	_, err := r.dec.ReadToken() // ']'
	return r.syntax(err)
}

// syntax words a decoder error for people, with its line.
func (r *jsonReader) syntax(err error) error {
	var se *jsontext.SyntacticError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Errorf("JSON 不完整（在第 %d 行结束）", r.lineAt(int64(len(r.data))))
	case errors.As(err, &se) && errors.Is(se.Err, jsontext.ErrDuplicateName):
		return fmt.Errorf("第 %d 行: 字段 %q 重复出现", r.lineAt(se.ByteOffset), se.JSONPointer.LastToken())
	case errors.As(err, &se):
		return fmt.Errorf("第 %d 行: JSON 语法错误: %v", r.lineAt(se.ByteOffset), se.Err)
	}
	return fmt.Errorf("第 %d 行: JSON 语法错误: %v", r.lineAt(r.dec.InputOffset()), err)
}

// separators returns what stands before the next value at the start of b:
// white space, a comma or a colon, so that a value's line is its own.
func separators(b []byte) []byte {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r' || b[i] == ',' || b[i] == ':') {
		i++
	}
	return b[:i]
}
