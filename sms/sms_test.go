package sms

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestMask(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"13812345678": "138****5678", "": "****", "1234567": "****", "+8613812345678": "+86****5678"} {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCode(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		text:                        "123456",
		"验证码:0042,请于2026年前使用":       "0042",
		"您的申请已受理。":                  "",
		"电话 13812345678 验证码 654321": "654321", // 11 digits are no code
	}
	for in, want := range tests {
		if got := Code(in); got != want {
			t.Errorf("Code(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := hideCodes("码 123456，又 7890。"), "码 ******，又 ******。"; got != want {
		t.Errorf("hideCodes = %q, want %q", got, want)
	}
}

func TestHTTPConfigFromEnv(t *testing.T) {
	t.Parallel()
	env := map[string]string{
		"HUIQI_SMS_URL":      "https://gw.example/send",
		"HUIQI_SMS_METHOD":   "put",
		"HUIQI_SMS_HEADERS":  "Authorization: Bearer ${SMS_TOKEN}; X-App: huiqi",
		"HUIQI_SMS_TIMEOUT":  "3s",
		"HUIQI_SMS_OK_FIELD": "code",
		"HUIQI_SMS_OK_VALUE": "0",
		"SMS_TOKEN":          "s3cret",
	}
	c, ok, err := HTTPConfigFromEnv(func(k string) string { return env[k] })
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	want := HTTPConfig{URL: "https://gw.example/send", Method: "PUT", Timeout: 3 * time.Second, OKField: "code", OKValue: "0",
		Header: http.Header{"Authorization": {"Bearer s3cret"}, "X-App": {"huiqi"}}}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got %+v\nwant %+v", c, want)
	}
	if _, ok, err := HTTPConfigFromEnv(func(string) string { return "" }); ok || err != nil {
		t.Errorf("no URL: ok %v, err %v", ok, err)
	}
	env["HUIQI_SMS_HEADERS"] = "Authorization Bearer s3cret"
	if _, _, err := HTTPConfigFromEnv(func(k string) string { return env[k] }); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("bad header: %v", err)
	}
	env["HUIQI_SMS_HEADERS"], env["HUIQI_SMS_TIMEOUT"] = "", "soon"
	if _, _, err := HTTPConfigFromEnv(func(k string) string { return env[k] }); err == nil {
		t.Error("bad timeout accepted")
	}
}
