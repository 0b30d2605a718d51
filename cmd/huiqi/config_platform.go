package main

import (
	"encoding/hex"
	"errors"
	"flag"
	"net/url"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/consult"
	"github.com/huiqi-dev/huiqi/sms"
)

// PlatformConfig configures what huiqi serve adds to the public site when
// the store keeps accounts: sign-in, 我要申报, 在线咨询 and the audit log.
type PlatformConfig struct {
	// Off serves the public, read-only site only (HUIQI_PLATFORM=off,
	// --platform=false).
	Off bool
	// Secret keys the hashes of verification codes, hex of at least 32
	// bytes (HUIQI_SECRET); empty reads DATA/secret.key, created when
	// absent. Never printed.
	Secret string
	// SMS is the HTTP gateway (HUIQI_SMS_*, see package sms); nil sends
	// nothing and keeps the messages in the administrator's outbox.
	SMS *sms.HTTPConfig
	// LLM phrases consultation answers from the quoted clauses
	// (HUIQI_LLM_URL, _MODEL, _KEY, _TIMEOUT); off when its URL is empty.
	LLM consult.Config
	// CodeLimits bound how often verification codes are sent
	// (HUIQI_CODE_INTERVAL per number, HUIQI_CODE_PHONE_DAY,
	// HUIQI_CODE_IP_HOUR, HUIQI_CODE_IP_DAY); account.DefaultCodeLimits
	// by default.
	CodeLimits huiqi.CodeLimits
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client, comma-separated addresses or CIDR prefixes
	// (HUIQI_TRUSTED_PROXIES, --trusted-proxies); none by default.
	TrustedProxies string

	err error // a HUIQI_SMS_* or HUIQI_LLM_* value that could not be read
}

// platformFromEnv reads the platform's HUIQI_* variables; a value that
// cannot be read is kept as an error for Validate.
func platformFromEnv(getenv func(string) string) PlatformConfig {
	p := PlatformConfig{Off: getenv("HUIQI_PLATFORM") == "off", Secret: getenv("HUIQI_SECRET"),
		TrustedProxies: getenv("HUIQI_TRUSTED_PROXIES")}
	p.CodeLimits, p.err = codeLimitsFromEnv(getenv)
	gw, ok, err := sms.HTTPConfigFromEnv(getenv)
	if ok {
		p.SMS = &gw
	}
	llm, llmErr := consult.ConfigFromEnv(getenv)
	p.LLM = llm
	p.err = errors.Join(p.err, err, llmErr)
	return p
}

// validate reports a platform configuration that cannot work. Messages
// name the variable, never a secret's value.
func (p PlatformConfig) validate() error {
	if p.err != nil {
		return p.err
	}
	if p.Secret != "" {
		if _, err := secretBytes(p.Secret); err != nil {
			return err
		}
	}
	if p.SMS != nil && !httpURL(p.SMS.URL) {
		return huiqi.Errorf(huiqi.EINVALID, "HUIQI_SMS_URL must be an http:// or https:// address")
	}
	if p.LLM.URL != "" && !httpURL(p.LLM.URL) {
		return huiqi.Errorf(huiqi.EINVALID, "HUIQI_LLM_URL (--llm-url) must be an http:// or https:// address, got %q", safeURL(p.LLM.URL))
	}
	_, err := p.proxies()
	return err
}

// secretBytes decodes a hex secret of at least 32 bytes; the error never
// shows it.
func secretBytes(s string) ([]byte, error) {
	b, err := hex.DecodeString(strings.TrimSpace(s))
	if err != nil || len(b) < 32 {
		return nil, huiqi.Errorf(huiqi.EINVALID, "HUIQI_SECRET must be at least 64 hex digits (32 bytes); generate one with: openssl rand -hex 32")
	}
	return b, nil
}

// httpURL tells whether s is an absolute http or https URL with a host.
func httpURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// safeURL is s without user information, query or fragment, which may hold
// keys: scheme, host and path only.
func safeURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "(unreadable address)"
	}
	return (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}).String()
}

// platformFlags adds --platform, --llm-url and --trusted-proxies to huiqi serve. After
// parsing, resolve applies those given over the environment.
func (c *Config) platformFlags(fs *flagSet) (resolve func() error) {
	on := fs.Bool("platform", !c.Platform.Off, "sign-in, 我要申报 and 在线咨询 when the store keeps accounts (HUIQI_PLATFORM=off turns them off)")
	// No default shown: the URL in the environment may carry a key.
	llm := fs.String("llm-url", "", "chat completions `URL` that phrases consultation answers (HUIQI_LLM_URL; off by default)")
	proxies := fs.String("trusted-proxies", c.Platform.TrustedProxies, "comma-separated `addresses` or prefixes of reverse proxies whose X-Forwarded-For names the client (HUIQI_TRUSTED_PROXIES)")
	return func() error {
		fs.Visit(func(f *flag.Flag) {
			switch f.Name {
			case "platform":
				c.Platform.Off = !*on
			case "llm-url":
				c.Platform.LLM.URL = *llm
			case "trusted-proxies":
				c.Platform.TrustedProxies = *proxies
			}
		})
		return c.Platform.validate()
	}
}
