package sms

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// gateway is a test SMS gateway that records the requests it answers.
type gateway struct {
	*httptest.Server
	got chan *http.Request
	// bodies holds each request's body, in order.
	bodies chan string
}

func newGateway(t *testing.T, answer func(w http.ResponseWriter, r *http.Request)) *gateway {
	t.Helper()
	g := &gateway{got: make(chan *http.Request, 10), bodies: make(chan string, 10)}
	g.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		g.got <- r
		g.bodies <- string(b)
		answer(w, r)
	}))
	t.Cleanup(g.Close)
	return g
}

const text = "【惠企】您的验证码为 123456，5 分钟内有效。请勿泄露。"

func TestHTTPSenderSendsAsConfigured(t *testing.T) {
	t.Parallel()
	g := newGateway(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, `{"result":{"code":"OK"}}`) })
	s, err := NewHTTPSender(HTTPConfig{
		URL:     g.URL + "/send?sign={{query .Code}}",
		Header:  http.Header{"Authorization": {"Bearer s3cret"}, "X-App": {"huiqi"}},
		Body:    `{"mobile":{{json .Phone}},"content":{{json .Text}},"code":{{json .Code}}}`,
		OKField: "result.code", OKValue: "OK",
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(context.Background(), "13812345678", text); err != nil {
		t.Fatal(err)
	}
	r, body := <-g.got, <-g.bodies
	if r.Method != http.MethodPost || r.URL.Path != "/send" || r.URL.Query().Get("sign") != "123456" {
		t.Errorf("request %s %s", r.Method, r.URL)
	}
	if r.Header.Get("Authorization") != "Bearer s3cret" || r.Header.Get("X-App") != "huiqi" {
		t.Errorf("headers %v", r.Header)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	want := `{"mobile":"13812345678","content":"` + text + `","code":"123456"}`
	if body != want {
		t.Errorf("body\n got %s\nwant %s", body, want)
	}
}

func TestHTTPSenderGET(t *testing.T) {
	t.Parallel()
	g := newGateway(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	s, err := NewHTTPSender(HTTPConfig{URL: g.URL + "/sms?to={{query .Phone}}&msg={{query .Text}}", Method: "GET"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(context.Background(), "13812345678", text); err != nil {
		t.Fatal(err)
	}
	r, body := <-g.got, <-g.bodies
	if r.Method != "GET" || r.URL.Query().Get("msg") != text || r.URL.Query().Get("to") != "13812345678" || body != "" {
		t.Errorf("request %s %s, body %q", r.Method, r.URL, body)
	}
	if r.Header.Get("Content-Type") != "" {
		t.Errorf("a request without a body has Content-Type %q", r.Header.Get("Content-Type"))
	}
}

func TestHTTPSenderFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		answer  func(w http.ResponseWriter, r *http.Request)
		cfg     HTTPConfig
		wantErr string
	}{
		{"server error", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "Authorization Bearer s3cret rejected", 500)
		}, HTTPConfig{}, "HTTP 500 Internal Server Error"},
		{"unauthorized", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(401) }, HTTPConfig{}, "HTTP 401 Unauthorized"},
		{"wrong field value", func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, `{"Code":"isv.BUSINESS_LIMIT_CONTROL"}`)
		}, HTTPConfig{OKField: "Code", OKValue: "OK"}, `Code is "isv.BUSINESS_LIMIT_CONTROL", want "OK"`},
		{"number field", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, `{"status":1}`) },
			HTTPConfig{OKField: "status", OKValue: "0"}, `status is "1", want "0"`},
		{"field missing", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, `{"ok":true}`) },
			HTTPConfig{OKField: "result.code", OKValue: "0"}, "the answer has no field result.code"},
		{"not JSON", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, `<html>`) },
			HTTPConfig{OKField: "code", OKValue: "0"}, "the answer is not JSON"},
		{"timeout", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		}, HTTPConfig{Timeout: 50 * time.Millisecond}, "no answer within 50ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := newGateway(t, tt.answer)
			cfg := tt.cfg
			cfg.URL = g.URL + "/send?key=s3cret"
			cfg.Header = http.Header{"Authorization": {"Bearer s3cret"}}
			cfg.Body = `{"text":{{json .Text}}}`
			s, err := NewHTTPSender(cfg, nil)
			if err != nil {
				t.Fatal(err)
			}
			err = s.Send(context.Background(), "13812345678", text)
			if err == nil {
				t.Fatal("sent, want an error")
			}
			host := strings.TrimPrefix(g.URL, "http://")
			if !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), host) {
				t.Errorf("error %q, want it to name %s and %q", err, host, tt.wantErr)
			}
			if strings.Contains(err.Error(), "s3cret") || strings.Contains(err.Error(), "13812345678") {
				t.Errorf("error %q leaks the key or the number", err)
			}
		})
	}
}

func TestHTTPSenderUnreachable(t *testing.T) {
	t.Parallel()
	g := newGateway(t, func(w http.ResponseWriter, r *http.Request) {})
	url := g.URL
	g.Close()
	s, err := NewHTTPSender(HTTPConfig{URL: url + "/send?key=s3cret"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Send(context.Background(), "13812345678", text)
	if err == nil || strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), "sms gateway 127.0.0.1") {
		t.Errorf("error %v", err)
	}
}

func TestNewHTTPSenderRejects(t *testing.T) {
	t.Parallel()
	for _, c := range []HTTPConfig{
		{URL: ""},
		{URL: "ftp://gw.example/send"},
		{URL: "/send"},
		{URL: "https://gw.example/send", Body: "{{.Phone"},
		{URL: "https://gw.example/send?m={{nosuch .Phone}}"},
	} {
		if _, err := NewHTTPSender(c, nil); err == nil {
			t.Errorf("%+v accepted", c)
		}
	}
}

func TestHTTPSenderUnknownTemplateField(t *testing.T) {
	t.Parallel()
	s, err := NewHTTPSender(HTTPConfig{URL: "https://gw.example/send", Body: "{{.Sign}}"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(context.Background(), "13812345678", text); err == nil || !strings.Contains(err.Error(), "body template") {
		t.Errorf("error %v, want the body template named", err)
	}
}
