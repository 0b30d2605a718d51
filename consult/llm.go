package consult

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
)

// Phraser phrases an answer from numbered quotes alone. LLM is the one
// implementation; tests may give their own.
type Phraser interface {
	// Phrase answers from quotes, citing them as [1]..[n]; hints are
	// fixed instructions chosen by what the question asks about.
	Phrase(ctx context.Context, quotes []Quote, hints []string) (string, error)
	// Model names what phrased the answer.
	Model() string
}

// Config is the LLM endpoint: an OpenAI-compatible chat completions API.
type Config struct {
	// URL is the API's base (http://host:port, …/v1) or the full
	// …/chat/completions address; HUIQI_LLM_URL.
	URL string
	// Model is the model name sent; HUIQI_LLM_MODEL.
	Model string
	// Key, when set, is sent as a bearer token; HUIQI_LLM_KEY. Never logged.
	Key string
	// Timeout bounds one call; 0 means DefaultTimeout.
	Timeout time.Duration
}

// DefaultTimeout bounds an LLM call when Config.Timeout is 0.
const DefaultTimeout = 20 * time.Second

// ConfigFromEnv reads the HUIQI_LLM_* variables through getenv (os.Getenv):
// URL, MODEL, KEY and TIMEOUT (a duration, 20s). An unreadable timeout is
// EINVALID.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	c := Config{URL: getenv("HUIQI_LLM_URL"), Model: getenv("HUIQI_LLM_MODEL"), Key: getenv("HUIQI_LLM_KEY")}
	if s := getenv("HUIQI_LLM_TIMEOUT"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return c, huiqi.Errorf(huiqi.EINVALID, "HUIQI_LLM_TIMEOUT %q is not a positive duration such as 20s", s)
		}
		c.Timeout = d
	}
	return c, nil
}

// Enabled reports whether an endpoint is configured.
func (c Config) Enabled() bool { return c.URL != "" }

// LLM calls a chat completions endpoint.
type LLM struct {
	cfg    Config
	client *http.Client
}

// NewLLM returns a client for cfg; nil when no URL is configured (the LLM
// is off by default).
func NewLLM(cfg Config) *LLM {
	if !cfg.Enabled() {
		return nil
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	return &LLM{cfg: cfg, client: &http.Client{Timeout: cfg.Timeout}}
}

// Model names the configured model.
func (l *LLM) Model() string { return l.cfg.Model }

func (l *LLM) endpoint() string {
	u := strings.TrimRight(l.cfg.URL, "/")
	switch {
	case strings.HasSuffix(u, "/chat/completions"):
		return u
	case strings.HasSuffix(u, "/v1"):
		return u + "/chat/completions"
	}
	return u + "/v1/chat/completions"
}

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type chatRequest struct {
	Model       string        `json:"model,omitempty"`
	Messages    []chatMessage `json:"messages"`
	Temperature float64       `json:"temperature"`
}

type chatResponse struct {
	Choices []struct {
		Message chatMessage `json:"message"`
	} `json:"choices"`
}

// maxResponse bounds what is read of a reply.
const maxResponse = 1 << 20

// Phrase sends the quotes, numbered, with the fixed instructions, and
// returns the model's text. Nothing else is sent: not the question, not
// who asks.
func (l *LLM) Phrase(ctx context.Context, quotes []Quote, hints []string) (string, error) {
	body, err := json.Marshal(chatRequest{Model: l.cfg.Model, Messages: prompt(quotes, hints)})
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(ctx, l.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.endpoint(), bytes.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("consult: llm request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	if l.cfg.Key != "" {
		req.Header.Set("Authorization", "Bearer "+l.cfg.Key)
	}
	resp, err := l.client.Do(req)
	if err != nil {
		return "", fmt.Errorf("consult: llm: %w", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return "", fmt.Errorf("consult: llm reply: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("consult: llm answered %s", resp.Status)
	}
	var cr chatResponse
	if err := json.Unmarshal(data, &cr); err != nil {
		return "", fmt.Errorf("consult: llm reply: %w", err)
	}
	if len(cr.Choices) == 0 || strings.TrimSpace(cr.Choices[0].Message.Content) == "" {
		return "", fmt.Errorf("consult: llm reply has no text")
	}
	return strings.TrimSpace(cr.Choices[0].Message.Content), nil
}
