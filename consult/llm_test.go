package consult

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// fakeLLM is an OpenAI-compatible endpoint that checks each request's
// shape and answers with content (or a status, or after a delay).
type fakeLLM struct {
	t       *testing.T
	content string
	status  int
	delay   time.Duration
	bodies  []string
}

func (f *fakeLLM) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t := f.t
	body, _ := io.ReadAll(r.Body)
	f.bodies = append(f.bodies, string(body))
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		t.Errorf("request %s %s, want POST /v1/chat/completions", r.Method, r.URL.Path)
	}
	if got := r.Header.Get("Authorization"); got != "Bearer k-test" {
		t.Errorf("Authorization %q", got)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	var req chatRequest
	if err := json.Unmarshal(body, &req); err != nil {
		t.Errorf("body: %v", err)
	}
	if req.Model != "m-test" || len(req.Messages) != 2 || req.Messages[0].Role != "system" || req.Messages[1].Role != "user" {
		t.Errorf("request %+v", req)
	}
	if f.delay > 0 {
		select {
		case <-time.After(f.delay):
		case <-r.Context().Done():
			return
		}
	}
	if f.status != 0 {
		http.Error(w, "down", f.status)
		return
	}
	json.NewEncoder(w).Encode(map[string]any{"choices": []any{
		map[string]any{"message": map[string]string{"role": "assistant", "content": f.content}}}})
}

const llmQuestion = "企业建设独立的电子商务应用平台有补助吗？"

func askWithLLM(t *testing.T, f *fakeLLM, timeout time.Duration) *Reply {
	t.Helper()
	f.t = t
	srv := httptest.NewServer(f)
	defer srv.Close()
	l := NewLLM(Config{URL: srv.URL, Model: "m-test", Key: "k-test", Timeout: timeout})
	p := demoPolicies(t)["zj17.txt"]
	r, err := Answer(p, llmQuestion, Options{LLM: l})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Found || len(r.Quotes) == 0 {
		t.Fatalf("no quotes: %+v", r)
	}
	return r
}

func TestLLMPhrases(t *testing.T) {
	f := &fakeLLM{content: "企业建设独立电子商务应用平台、投资额不少于50万元的，可获最高35%的一次性补助，单个项目最高200万元[1]。"}
	r := askWithLLM(t, f, time.Second)
	if r.Text != f.content || r.Model != "m-test" || r.Note != "" {
		t.Errorf("reply %q model %q note %q", r.Text, r.Model, r.Note)
	}
	if got := r.Message().Citations; len(got) != len(r.Quotes) || got[0] != r.Quotes[0].Source {
		t.Errorf("citations %+v", got)
	}
	if len(f.bodies) != 1 {
		t.Fatalf("%d requests", len(f.bodies))
	}
	// Only the quotes and the fixed instructions are sent.
	var req chatRequest
	json.Unmarshal([]byte(f.bodies[0]), &req)
	if want := prompt(r.Quotes, []string{intents[0].hint}); req.Messages[1].Content != want[1].Content || req.Messages[0].Content != want[0].Content {
		t.Errorf("prompt %+v, want %+v", req.Messages, want)
	}
	if strings.Contains(f.bodies[0], "有补助吗") || !strings.Contains(req.Messages[1].Content, "[1] 第二条：") {
		t.Errorf("body %s", f.bodies[0])
	}
}

func TestLLMFallsBack(t *testing.T) {
	cases := []struct {
		name string
		f    fakeLLM
		note string
	}{
		{"cites a quote not given", fakeLLM{content: "可获补助[1][9]。"}, "未正确引用"},
		{"cites nothing", fakeLLM{content: "可获补助。"}, "未正确引用"},
		{"cites zero", fakeLLM{content: "可获补助［0］。"}, "未正确引用"},
		{"error", fakeLLM{status: http.StatusInternalServerError}, "暂不可用"},
		{"empty answer", fakeLLM{content: " "}, "暂不可用"},
		{"timeout", fakeLLM{content: "可获补助[1]。", delay: 2 * time.Second}, "超时"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := askWithLLM(t, &c.f, 100*time.Millisecond)
			extractive := compose(r)
			if r.Text != extractive || r.Model != "" || !strings.Contains(r.Note, c.note) {
				t.Errorf("text %q\nmodel %q note %q", r.Text, r.Model, r.Note)
			}
		})
	}
}

func TestLLMOffAndNotFound(t *testing.T) {
	if NewLLM(Config{}) != nil {
		t.Error("an empty config makes an LLM")
	}
	p := demoPolicies(t)["zj17.txt"]
	r, err := Answer(p, llmQuestion, Options{LLM: NewLLM(Config{})})
	if err != nil || r.Model != "" || r.Note != "" || r.Text != compose(r) {
		t.Errorf("LLM off: %+v %v", r, err)
	}
	// An unanswered question never reaches the endpoint.
	f := &fakeLLM{t: t, content: "编造的回答[1]"}
	srv := httptest.NewServer(f)
	defer srv.Close()
	r, err = Answer(p, "外籍员工的工作签证怎么办理？", Options{LLM: NewLLM(Config{URL: srv.URL, Model: "m-test", Key: "k-test"})})
	if err != nil || r.Found || len(f.bodies) != 0 || r.Text != notFoundText {
		t.Errorf("not found: %+v %v, %d requests", r, err, len(f.bodies))
	}
}

func TestConfigFromEnv(t *testing.T) {
	env := map[string]string{"HUIQI_LLM_URL": "http://127.0.0.1:1/v1", "HUIQI_LLM_MODEL": "qwen", "HUIQI_LLM_KEY": "s", "HUIQI_LLM_TIMEOUT": "5s"}
	c, err := ConfigFromEnv(func(k string) string { return env[k] })
	if err != nil || c.Timeout != 5*time.Second || c.Model != "qwen" || NewLLM(c).endpoint() != "http://127.0.0.1:1/v1/chat/completions" {
		t.Errorf("%+v %v", c, err)
	}
	env["HUIQI_LLM_TIMEOUT"] = "soon"
	if _, err := ConfigFromEnv(func(k string) string { return env[k] }); err == nil {
		t.Error("an unreadable timeout is accepted")
	}
}

func TestCheckCitations(t *testing.T) {
	cases := []struct {
		text string
		n    int
		ok   bool
	}{
		{"甲[1]乙[2]", 2, true}, {"甲【２】", 2, true}, {"甲[3]", 2, false}, {"甲", 2, false}, {"甲[1]乙[0]", 3, false},
	}
	for _, c := range cases {
		if err := checkCitations(c.text, c.n); (err == nil) != c.ok {
			t.Errorf("checkCitations(%q, %d) = %v", c.text, c.n, err)
		}
	}
}
