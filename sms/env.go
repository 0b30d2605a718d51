package sms

import (
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// HTTPConfigFromEnv reads a gateway's configuration from HUIQI_SMS_*
// variables; ok is false when HUIQI_SMS_URL is not set.
//
//	HUIQI_SMS_URL           the URL (a template, see HTTPConfig.URL)
//	HUIQI_SMS_METHOD        POST by default
//	HUIQI_SMS_HEADERS       "Name: value" pairs separated by newlines or ";";
//	                        $VAR and ${VAR} in values are read from the
//	                        environment, so a key can stay in its own variable:
//	                        Authorization: Bearer ${SMS_TOKEN}
//	HUIQI_SMS_BODY          the body template
//	HUIQI_SMS_CONTENT_TYPE  the body's type
//	HUIQI_SMS_TIMEOUT       e.g. 5s
//	HUIQI_SMS_OK_FIELD, HUIQI_SMS_OK_VALUE  the answer's success field and value
func HTTPConfigFromEnv(getenv func(string) string) (c HTTPConfig, ok bool, err error) {
	c = HTTPConfig{
		URL:         getenv("HUIQI_SMS_URL"),
		Method:      strings.ToUpper(getenv("HUIQI_SMS_METHOD")),
		Body:        getenv("HUIQI_SMS_BODY"),
		ContentType: getenv("HUIQI_SMS_CONTENT_TYPE"),
		OKField:     getenv("HUIQI_SMS_OK_FIELD"),
		OKValue:     getenv("HUIQI_SMS_OK_VALUE"),
	}
	if c.URL == "" {
		return c, false, nil
	}
	if v := getenv("HUIQI_SMS_TIMEOUT"); v != "" {
		if c.Timeout, err = time.ParseDuration(v); err != nil || c.Timeout <= 0 {
			return c, false, huiqi.Errorf(huiqi.EINVALID, "HUIQI_SMS_TIMEOUT: want a duration such as 5s, got %q", v)
		}
	}
	c.Header, err = parseHeaders(getenv("HUIQI_SMS_HEADERS"), getenv)
	return c, err == nil, err
}

// parseHeaders reads "Name: value" pairs. Errors name the header, never
// its value.
func parseHeaders(s string, getenv func(string) string) (http.Header, error) {
	h := http.Header{}
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == ';' }) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			return nil, huiqi.Errorf(huiqi.EINVALID, "HUIQI_SMS_HEADERS: want Name: value pairs separated by ; (entry %d)", len(h)+1)
		}
		h.Add(name, os.Expand(strings.TrimSpace(value), getenv))
	}
	return h, nil
}
