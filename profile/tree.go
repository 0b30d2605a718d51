package profile

// kind is the type of a value as the file wrote it.
type kind int

const (
	kNull kind = iota
	kBool
	kNumber
	kString
	kObject
	kArray
)

// what names a kind for messages.
func (k kind) what() string {
	return [...]string{"null", "布尔值", "数字", "字符串", "对象", "数组"}[k]
}

// node is one value of a JSON or YAML file, before it is given a Go type.
// Reading into nodes first lets the decoder name every unknown field and
// every wrong type with its path, and treat both formats alike.
type node struct {
	kind   kind
	text   string // a number as written, a string's value, a bool's "true"/"false"
	plain  bool   // a YAML scalar without quotes: it may stand for a string ("region_code: 510105")
	line   int
	keys   []string // an object's keys, in order
	fields []*node  // an object's values, in the order of keys
	items  []*node  // an array's items
}

// Limits on what a profile file may hold. A real profile is a few KB and a
// few hundred values; these stop a hostile file (huge, deeply nested, YAML
// aliases that multiply) within a fraction of a second.
const (
	maxSize     = 256 << 10
	maxNodes    = 20_000
	maxDepth    = 32
	maxProblems = 100 // listed per file; the rest are counted
)
