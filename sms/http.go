package sms

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"text/template"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// HTTPConfig describes an SMS gateway reached over HTTP.
type HTTPConfig struct {
	// URL is a template like Body, so a gateway taking GET parameters can
	// be given as https://gw.example/send?m={{query .Phone}}&c={{query .Text}}.
	URL    string
	Method string // POST when empty
	// Header holds fixed headers, such as Authorization; never logged.
	Header http.Header
	// Body is a text/template executed with .Phone, .Text and .Code (the
	// verification code in the text, if any); the functions json and query
	// quote a value for a JSON document or a URL. Empty: no body.
	Body        string
	ContentType string        // application/json; charset=utf-8 when a body is given and this is empty
	Timeout     time.Duration // 10 s when zero
	// OKField, when set, names a field of the JSON answer (dots for
	// nesting: result.code) that must equal OKValue for the message to
	// count as sent; otherwise any 2xx status does.
	OKField, OKValue string
}

// HTTPSender sends messages through an HTTP gateway.
type HTTPSender struct {
	cfg    HTTPConfig
	host   string // named in errors; the URL's path and query may hold keys
	url    *template.Template
	body   *template.Template
	client *http.Client
}

// message is what the URL and body templates see.
type message struct{ Phone, Text, Code string }

var funcs = template.FuncMap{
	"json": func(s string) (string, error) {
		b, err := json.Marshal(s)
		return string(b), err
	},
	"query": url.QueryEscape,
}

// NewHTTPSender checks c and returns its sender. client may be nil for a
// client of its own.
func NewHTTPSender(c HTTPConfig, client *http.Client) (*HTTPSender, error) {
	if c.Method == "" {
		c.Method = http.MethodPost
	}
	if c.Timeout <= 0 {
		c.Timeout = 10 * time.Second
	}
	if c.Body != "" && c.ContentType == "" {
		c.ContentType = "application/json; charset=utf-8"
	}
	if client == nil {
		client = &http.Client{}
	}
	s := &HTTPSender{cfg: c, client: client}
	var err error
	if s.url, err = template.New("url").Funcs(funcs).Option("missingkey=error").Parse(c.URL); err != nil {
		return nil, huiqi.Errorf(huiqi.EINVALID, "sms gateway URL template: %v", err)
	}
	if s.body, err = template.New("body").Funcs(funcs).Option("missingkey=error").Parse(c.Body); err != nil {
		return nil, huiqi.Errorf(huiqi.EINVALID, "sms gateway body template: %v", err)
	}
	u, err := url.Parse(strings.SplitN(c.URL, "{{", 2)[0])
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, huiqi.Errorf(huiqi.EINVALID, "sms gateway URL must start with http:// or https:// and a host")
	}
	s.host = u.Host
	return s, nil
}

// Send sends text to phone and reports the gateway's refusal, naming its
// host and status but never the URL's query, the headers or the body.
func (s *HTTPSender) Send(ctx context.Context, phone, text string) error {
	req, err := s.request(ctx, message{Phone: phone, Text: text, Code: Code(text)})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	resp, err := s.client.Do(req.WithContext(ctx))
	if err != nil {
		return s.transportError(ctx, err)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return s.transportError(ctx, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("sms gateway %s: HTTP %d %s", s.host, resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	return s.checkAnswer(answer)
}

// request renders the URL and body of one message.
func (s *HTTPSender) request(ctx context.Context, m message) (*http.Request, error) {
	var u, body bytes.Buffer
	if err := s.url.Execute(&u, m); err != nil {
		return nil, fmt.Errorf("sms gateway %s: URL template: %w", s.host, err)
	}
	if err := s.body.Execute(&body, m); err != nil {
		return nil, fmt.Errorf("sms gateway %s: body template: %w", s.host, err)
	}
	var r io.Reader
	if s.cfg.Body != "" {
		r = &body
	}
	req, err := http.NewRequestWithContext(ctx, s.cfg.Method, u.String(), r)
	if err != nil {
		return nil, fmt.Errorf("sms gateway %s: the URL template gives no valid URL", s.host)
	}
	for k, vs := range s.cfg.Header {
		req.Header[http.CanonicalHeaderKey(k)] = vs
	}
	if s.cfg.Body != "" {
		req.Header.Set("Content-Type", s.cfg.ContentType)
	}
	return req, nil
}

// transportError names what went wrong without the URL, which *url.Error
// would print whole.
func (s *HTTPSender) transportError(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("sms gateway %s: no answer within %s", s.host, s.cfg.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("sms gateway %s: %w", s.host, err)
}
