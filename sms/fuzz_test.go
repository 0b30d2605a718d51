package sms

import "testing"

// Any gateway answer and field path is read without a panic.
func FuzzField(f *testing.F) {
	f.Add([]byte(`{"result":{"code":"OK"}}`), "result.code")
	f.Add([]byte(`{"a":[1,2]}`), "a.0")
	f.Add([]byte(`null`), "")
	f.Fuzz(func(t *testing.T, doc []byte, path string) {
		got, found, err := field(doc, path)
		if err != nil && (found || got != "") {
			t.Errorf("field(%q, %q) = %q, %v with error %v", doc, path, got, found, err)
		}
	})
}
