package main

import (
	"testing"
)

func TestConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		env   map[string]string
		want  Config
		valid bool
	}{
		{"defaults", nil, Config{DataDir: "./huiqi-data"}, true},
		{"data dir", map[string]string{"HUIQI_DATA": "/srv/huiqi"}, Config{DataDir: "/srv/huiqi"}, true},
		{"postgres", map[string]string{"HUIQI_DB": "postgres://u@h/db"}, Config{DataDir: "./huiqi-data", DBURL: "postgres://u@h/db"}, true},
		{"not a postgres URL", map[string]string{"HUIQI_DB": "mysql://h/db"}, Config{DataDir: "./huiqi-data", DBURL: "mysql://h/db"}, false},
		{"workers", map[string]string{"HUIQI_WORKERS": "3"}, Config{DataDir: "./huiqi-data", Workers: 3}, true},
		{"bad workers", map[string]string{"HUIQI_WORKERS": "lots"}, Config{DataDir: "./huiqi-data", Workers: -1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := configFromEnv(func(k string) string { return tt.env[k] })
			if c != tt.want {
				t.Errorf("got %+v, want %+v", c, tt.want)
			}
			if err := c.Validate(); (err == nil) != tt.valid {
				t.Errorf("Validate() = %v, want valid %v", err, tt.valid)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"postgres://huiqi:s3cret@db:5432/huiqi", "postgres://huiqi:xxxxx@db:5432/huiqi"},
		{"postgres://huiqi@db/huiqi", "postgres://huiqi@db/huiqi"},
		{"postgres://db/huiqi", "postgres://db/huiqi"},
	}
	for _, tt := range tests {
		if got := redact(tt.in); got != tt.want {
			t.Errorf("redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
