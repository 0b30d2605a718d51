package api_test

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// openAPIDoc reads the document the API serves.
func openAPIDoc(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["openapi"] != "3.1.0" {
		t.Fatalf("openapi %v, want 3.1.0", doc["openapi"])
	}
	return doc
}

var routeLine = regexp.MustCompile(`\{"(GET|POST|PUT|PATCH|DELETE)", "(/api/v1/[^"]*)"`)

// registeredRoutes reads the route table from handler.go, the one place
// routes are registered, so a route added there must be documented.
func registeredRoutes(t *testing.T) []string {
	b, err := os.ReadFile("handler.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range routeLine.FindAllStringSubmatch(string(b), -1) {
		out = append(out, m[1]+" "+m[2])
	}
	slices.Sort(out)
	return out
}

func documentedRoutes(doc map[string]any) []string {
	var out []string
	for path, ops := range doc["paths"].(map[string]any) {
		for method := range ops.(map[string]any) {
			out = append(out, strings.ToUpper(method)+" "+path)
		}
	}
	slices.Sort(out)
	return out
}

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	doc := openAPIDoc(t)
	reg, documented := registeredRoutes(t), documentedRoutes(doc)
	if len(reg) < 8 {
		t.Fatalf("found only %d routes in handler.go", len(reg))
	}
	if !slices.Equal(reg, documented) {
		t.Errorf("routes registered:\n%s\ndocumented:\n%s", strings.Join(reg, "\n"), strings.Join(documented, "\n"))
	}
}

// TestOpenAPIResponses checks every JSON body of the API cases against the
// schema documented for its route and status.
func TestOpenAPIResponses(t *testing.T) {
	doc := openAPIDoc(t)
	f, srv := server(t)
	for _, c := range apiCases(f) {
		t.Run(c.name, func(t *testing.T) {
			r := get(t, srv.URL+expand(c.path, f))
			schema := responseSchema(t, doc, templateOf(c.path, doc), r.status)
			if schema == nil {
				return // not JSON: the original file
			}
			var body any
			if err := json.Unmarshal(r.body, &body); err != nil {
				t.Fatal(err)
			}
			if err := conforms(doc, schema, body, "$"); err != nil {
				t.Errorf("%s: %v", c.path, err)
			}
		})
	}
}

// templateOf finds the documented path a request path matches.
func templateOf(path string, doc map[string]any) string {
	path, _, _ = strings.Cut(path, "?")
	for tmpl := range doc["paths"].(map[string]any) {
		re := "^" + regexp.MustCompile(`\\\{[a-z_]+\\\}`).ReplaceAllString(regexp.QuoteMeta(tmpl), `[^/]+`) + "$"
		if regexp.MustCompile(re).MatchString(path) {
			return tmpl
		}
	}
	return "" // unknown routes answer the documented error schema
}

func responseSchema(t *testing.T, doc map[string]any, tmpl string, status int) map[string]any {
	t.Helper()
	if tmpl == "" {
		return ref(doc, "#/components/schemas/Error")
	}
	get := doc["paths"].(map[string]any)[tmpl].(map[string]any)["get"].(map[string]any)
	resp, ok := get["responses"].(map[string]any)[strconv.Itoa(status)].(map[string]any)
	if !ok {
		t.Fatalf("%s: status %d is not documented", tmpl, status)
	}
	content := resp["content"].(map[string]any)
	js, ok := content["application/json"].(map[string]any)
	if !ok {
		return nil
	}
	return js["schema"].(map[string]any)
}

func ref(doc map[string]any, r string) map[string]any {
	var node any = doc
	for _, part := range strings.Split(strings.TrimPrefix(r, "#/"), "/") {
		node = node.(map[string]any)[part]
	}
	return node.(map[string]any)
}

// conforms is a small JSON Schema checker: $ref, type (one or a list),
// required, properties, items, additionalProperties, oneOf, enum, pattern,
// maxLength, minimum and maximum. It is all the document uses.
func conforms(doc, s map[string]any, v any, at string) error {
	if r, ok := s["$ref"].(string); ok {
		return conforms(doc, ref(doc, r), v, at)
	}
	if alts, ok := s["oneOf"].([]any); ok {
		for _, a := range alts {
			if conforms(doc, a.(map[string]any), v, at) == nil {
				return nil
			}
		}
		return fmt.Errorf("%s: matches no alternative of oneOf", at)
	}
	if err := checkType(s["type"], v, at); err != nil {
		return err
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, v) {
		return fmt.Errorf("%s: %v not in enum %v", at, v, enum)
	}
	if err := checkConstraints(s, v, at); err != nil {
		return err
	}
	switch v := v.(type) {
	case map[string]any:
		return conformsObject(doc, s, v, at)
	case []any:
		if items, ok := s["items"].(map[string]any); ok {
			for i, x := range v {
				if err := conforms(doc, items, x, fmt.Sprintf("%s[%d]", at, i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func conformsObject(doc, s map[string]any, v map[string]any, at string) error {
	for _, r := range asList(s["required"]) {
		if _, ok := v[r.(string)]; !ok {
			return fmt.Errorf("%s: required %q missing", at, r)
		}
	}
	props, _ := s["properties"].(map[string]any)
	extra, _ := s["additionalProperties"].(map[string]any)
	for k, x := range v {
		ps, ok := props[k].(map[string]any)
		if !ok && extra != nil {
			ps, ok = extra, true
		}
		if ok {
			if err := conforms(doc, ps, x, at+"."+k); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkType(t any, v any, at string) error {
	if t == nil {
		return nil
	}
	got := jsonType(v)
	for _, want := range asList(t) {
		if want == got || want == "number" && got == "integer" {
			return nil
		}
	}
	return fmt.Errorf("%s: %s, want %v", at, got, t)
}

func asList(v any) []any {
	switch v := v.(type) {
	case []any:
		return v
	case nil:
		return nil
	}
	return []any{v}
}

func jsonType(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case float64:
		if v == float64(int64(v)) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	}
	return "object"
}

func TestConformsCatchesMistakes(t *testing.T) {
	doc := openAPIDoc(t)
	cases := []struct {
		name, schema, body string
	}{
		{"missing required", "Error", `{"error":{"code":"invalid"}}`},
		{"wrong type", "PolicyList", `{"total":"3","offset":0,"limit":1,"policies":[]}`},
		{"bad enum", "Error", `{"error":{"code":"oops","message":"m"}}`},
		{"bad item", "VersionList", `{"id":"x","versions":[{"version":1}]}`},
		{"bad pattern", "test:pattern", `"33"`},
		{"too long", "test:maxLength", `"孵化器补助"`},
		{"below minimum", "test:minimum", `0`},
		{"above maximum", "test:maximum", `101`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var v any
			if err := json.Unmarshal([]byte(c.body), &v); err != nil {
				t.Fatal(err)
			}
			schema, ok := constraintSchemas[c.schema]
			if !ok {
				schema = ref(doc, "#/components/schemas/"+c.schema)
			}
			if conforms(doc, schema, v, "$") == nil {
				t.Errorf("%s accepted %s", c.schema, c.body)
			}
		})
	}
}

// constraintSchemas are schemas with the constraints parameters use.
var constraintSchemas = map[string]map[string]any{
	"test:pattern":   {"type": "string", "pattern": "^[0-9]{6}$"},
	"test:maxLength": {"type": "string", "maxLength": 3.0},
	"test:minimum":   {"type": "integer", "minimum": 1.0},
	"test:maximum":   {"type": "integer", "maximum": 100.0},
}
