package sms

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// checkAnswer checks the OKField of a gateway's JSON answer.
func (s *HTTPSender) checkAnswer(answer []byte) error {
	if s.cfg.OKField == "" {
		return nil
	}
	got, found, err := field(answer, s.cfg.OKField)
	switch {
	case err != nil:
		return fmt.Errorf("sms gateway %s: the answer is not JSON", s.host)
	case !found:
		return fmt.Errorf("sms gateway %s: the answer has no field %s", s.host, s.cfg.OKField)
	case got != s.cfg.OKValue:
		return fmt.Errorf("sms gateway %s: %s is %q, want %q", s.host, s.cfg.OKField, shorten(got, 80), s.cfg.OKValue)
	}
	return nil
}

// field returns the value at a dotted path of a JSON document as text:
// strings as they are, numbers as written, true/false/null.
func field(doc []byte, path string) (string, bool, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return "", false, err
	}
	for _, k := range strings.Split(path, ".") {
		obj, ok := v.(map[string]any)
		if !ok {
			return "", false, nil
		}
		if v, ok = obj[k]; !ok {
			return "", false, nil
		}
	}
	switch x := v.(type) {
	case string:
		return x, true, nil
	case nil:
		return "null", true, nil
	case json.Number, bool:
		return fmt.Sprint(x), true, nil
	}
	return "", true, nil // an object or array matches no value
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
