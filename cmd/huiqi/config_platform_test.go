package main

import (
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
)

func TestPlatformConfigFromEnv(t *testing.T) {
	t.Parallel()
	secret := strings.Repeat("5a", 32)
	tests := []struct {
		name  string
		env   map[string]string
		check func(p PlatformConfig) bool
		valid bool
	}{
		{"defaults", nil, func(p PlatformConfig) bool {
			return !p.Off && p.Secret == "" && p.SMS == nil && p.LLM.URL == "" && p.CodeLimits == (huiqi.CodeLimits{}) && p.TrustedProxies == ""
		}, true},
		{"off", map[string]string{"HUIQI_PLATFORM": "off"}, func(p PlatformConfig) bool { return p.Off }, true},
		{"secret", map[string]string{"HUIQI_SECRET": secret}, func(p PlatformConfig) bool { return p.Secret == secret }, true},
		{"short secret", map[string]string{"HUIQI_SECRET": "5a5a"}, nil, false},
		{"gateway", map[string]string{"HUIQI_SMS_URL": "https://gw.example/send", "HUIQI_SMS_HEADERS": "Authorization: Bearer ${T}", "T": "tok"},
			func(p PlatformConfig) bool {
				return p.SMS != nil && p.SMS.URL == "https://gw.example/send" && p.SMS.Header.Get("Authorization") == "Bearer tok"
			}, true},
		{"gateway header", map[string]string{"HUIQI_SMS_URL": "https://gw.example/send", "HUIQI_SMS_HEADERS": "no colon"}, nil, false},
		{"llm", map[string]string{"HUIQI_LLM_URL": "http://127.0.0.1:8000", "HUIQI_LLM_MODEL": "qwen", "HUIQI_LLM_TIMEOUT": "5s"},
			func(p PlatformConfig) bool {
				return p.LLM.URL == "http://127.0.0.1:8000" && p.LLM.Model == "qwen" && p.LLM.Timeout == 5*time.Second
			}, true},
		{"code interval", map[string]string{"HUIQI_CODE_INTERVAL": "0s", "HUIQI_CODE_IP_HOUR": "500"}, func(p PlatformConfig) bool {
			want := account.DefaultCodeLimits
			want.PhoneInterval, want.IPHour = 0, 500
			return p.CodeLimits == want
		}, true},
		{"bad interval", map[string]string{"HUIQI_CODE_INTERVAL": "-1s"}, nil, false},
		{"zero count", map[string]string{"HUIQI_CODE_IP_DAY": "0"}, nil, false},
		{"proxies", map[string]string{"HUIQI_TRUSTED_PROXIES": "10.0.0.0/8, 127.0.0.1,::1"}, func(p PlatformConfig) bool {
			got, err := p.proxies()
			return err == nil && len(got) == 3 && got[0] == netip.MustParsePrefix("10.0.0.0/8") &&
				got[1] == netip.MustParsePrefix("127.0.0.1/32") && got[2] == netip.MustParsePrefix("::1/128")
		}, true},
		{"bad proxy", map[string]string{"HUIQI_TRUSTED_PROXIES": "nginx"}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := configFromEnv(func(k string) string { return tt.env[k] }).Platform
			if tt.check != nil && !tt.check(p) {
				t.Errorf("read %+v", p)
			}
			if err := p.validate(); (err == nil) != tt.valid {
				t.Errorf("validate() = %v, want valid %v", err, tt.valid)
			}
			if err := p.validate(); err != nil && tt.env["HUIQI_SECRET"] != "" && strings.Contains(err.Error(), tt.env["HUIQI_SECRET"]) {
				t.Errorf("the error shows the secret: %v", err)
			}
		})
	}
}

func TestSafeURL(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"https://u:p@llm.example/v1?key=k#x": "https://llm.example/v1",
		"http://127.0.0.1:8000":              "http://127.0.0.1:8000",
		"not a url":                          "(unreadable address)",
	} {
		if got := safeURL(in); got != want {
			t.Errorf("safeURL(%q) = %q, want %q", in, got, want)
		}
	}
}
