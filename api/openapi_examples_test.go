package api_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// operations calls f with every operation of the document.
func operations(doc map[string]any, f func(name string, op map[string]any)) {
	for path, ops := range doc["paths"].(map[string]any) {
		for method, op := range ops.(map[string]any) {
			f(strings.ToUpper(method)+" "+path, op.(map[string]any))
		}
	}
}

// errorCodes is the error code each documented error status answers with.
var errorCodes = map[string]string{"400": "invalid", "404": "not_found", "415": "unsupported", "500": "internal"}

// TestOpenAPIExamples checks that every response of every operation has an
// example, valid against its schema, and that error examples carry the code
// of their status.
func TestOpenAPIExamples(t *testing.T) {
	doc := openAPIDoc(t)
	n := 0
	operations(doc, func(name string, op map[string]any) {
		for status, r := range op["responses"].(map[string]any) {
			for mediaType, m := range r.(map[string]any)["content"].(map[string]any) {
				media := m.(map[string]any)
				at := fmt.Sprintf("%s %s %s", name, status, mediaType)
				example, ok := media["example"]
				if !ok {
					t.Errorf("%s: no example", at)
					continue
				}
				n++
				if err := conforms(doc, media["schema"].(map[string]any), example, "example"); err != nil {
					t.Errorf("%s: %v", at, err)
				}
				if code, ok := errorCodes[status]; ok {
					e, _ := example.(map[string]any)["error"].(map[string]any)
					if e["code"] != code || e["message"] == "" {
						t.Errorf("%s: example error %v, want code %s and a message", at, e, code)
					}
				}
			}
		}
	})
	if n < 25 {
		t.Errorf("only %d examples", n)
	}
}

// TestOpenAPIParameters checks that every parameter says what it is and
// what values it takes: integers their bounds, strings an enumeration, a
// pattern or a length, lists the values of their items.
func TestOpenAPIParameters(t *testing.T) {
	doc := openAPIDoc(t)
	enums := []string{"sort", "status", "kind", "beneficiary_type", "region_mode"}
	operations(doc, func(name string, op map[string]any) {
		params, _ := op["parameters"].([]any)
		for _, p := range params {
			p := p.(map[string]any)
			at := name + " " + p["name"].(string)
			if d, _ := p["description"].(string); utf8.RuneCountInString(d) < 8 {
				t.Errorf("%s: description %q", at, d)
			}
			s := p["schema"].(map[string]any)
			if s["type"] == "array" {
				s = s["items"].(map[string]any)
			}
			if slices.Contains(enums, p["name"].(string)) && s["enum"] == nil {
				t.Errorf("%s: no enum", at)
			}
			switch s["type"] {
			case "integer":
				if s["minimum"] == nil || s["maximum"] == nil {
					t.Errorf("%s: integer without minimum and maximum", at)
				}
			case "string":
				if s["enum"] == nil && s["pattern"] == nil && s["maxLength"] == nil {
					t.Errorf("%s: string without enum, pattern or maxLength", at)
				}
			default:
				t.Errorf("%s: type %v", at, s["type"])
			}
		}
	})
}

// TestOpenAPIErrors checks that each operation documents the errors it can
// answer: 400 for a bad parameter or body, 404 for an unknown policy or
// region, 500, each with the Error schema.
func TestOpenAPIErrors(t *testing.T) {
	doc := openAPIDoc(t)
	operations(doc, func(name string, op map[string]any) {
		responses := op["responses"].(map[string]any)
		var want []string
		if op["parameters"] != nil || op["requestBody"] != nil {
			want = append(want, "400", "500")
		}
		if strings.Contains(name, "{id}") || strings.HasSuffix(name, "/regions") {
			want = append(want, "404")
		}
		for _, status := range want {
			if responses[status] == nil {
				t.Errorf("%s: %s not documented", name, status)
			}
		}
		for status, r := range responses {
			if status[0] < '4' {
				continue
			}
			s := r.(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
			if s["$ref"] != "#/components/schemas/Error" {
				t.Errorf("%s %s: schema %v, want Error", name, status, s)
			}
		}
	})
}

// checkConstraints applies the constraints of a schema beyond its type:
// pattern, maxLength, minimum, maximum.
func checkConstraints(s map[string]any, v any, at string) error {
	switch v := v.(type) {
	case string:
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(v) {
			return fmt.Errorf("%s: %q does not match %s", at, v, p)
		}
		if m, ok := s["maxLength"].(float64); ok && utf8.RuneCountInString(v) > int(m) {
			return fmt.Errorf("%s: longer than %v", at, m)
		}
	case float64:
		if m, ok := s["minimum"].(float64); ok && v < m {
			return fmt.Errorf("%s: %v below minimum %v", at, v, m)
		}
		if m, ok := s["maximum"].(float64); ok && v > m {
			return fmt.Errorf("%s: %v above maximum %v", at, v, m)
		}
	}
	return nil
}
