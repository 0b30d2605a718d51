package profile

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// Load reads one profile from data, in JSON or YAML: by the extension of
// name (.json, .yaml, .yml), else JSON when the text starts with '{' and
// YAML otherwise. Reading is strict: a field the profile does not have, a
// value of the wrong type, a malformed date or a key given twice is an
// error. The error is Problems, each naming name and the field's path.
// Load does not Validate.
func Load(name string, data []byte) (*huiqi.Enterprise, error) {
	e, _, err := load(name, data)
	return e, err
}

// load is Load that also returns the line of each field's path.
func load(name string, data []byte) (*huiqi.Enterprise, map[string]int, error) {
	root, err := parse(name, data)
	if err != nil {
		return nil, nil, Problems{{File: name, Msg: err.Error()}}
	}
	if root.kind != kObject {
		return nil, nil, Problems{{File: name, Line: root.line, Msg: "内容应为一个对象（字段: 值），实际为" + root.kind.what()}}
	}
	var e huiqi.Enterprise
	d := decoder{lines: map[string]int{}}
	d.value(root, reflectOf(&e), "")
	if len(d.problems) > 0 {
		return nil, nil, d.all().WithFile(name)
	}
	return &e, d.lines, nil
}

// parse reads data into nodes in the format name or the text calls for.
func parse(name string, data []byte) (*node, error) {
	if len(data) > maxSize {
		return nil, fmt.Errorf("文件过大（%d 字节，上限 %d）", len(data), maxSize)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("不是 UTF-8 编码的文本")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("文件为空")
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return parseJSON(data)
	case ".yaml", ".yml":
		return parseYAML(data)
	}
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
		return parseJSON(data)
	}
	return parseYAML(data)
}
