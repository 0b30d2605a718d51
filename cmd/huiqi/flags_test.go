package main

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestParseInterspersed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		args    []string
		pos     []string
		version int
		err     string
	}{
		{"flag first", []string{"--version", "2", "abc"}, []string{"abc"}, 2, ""},
		{"flag after", []string{"abc", "--version", "2"}, []string{"abc"}, 2, ""},
		{"equals form", []string{"abc", "-version=3"}, []string{"abc"}, 3, ""},
		{"double dash ends flags", []string{"--", "-x", "--version", "2"}, []string{"-x", "--version", "2"}, 0, ""},
		{"two positionals", []string{"a", "b"}, []string{"a", "b"}, 0, ""},
		{"bad value", []string{"abc", "--version", "two"}, nil, 0, `invalid value "two"`},
		{"unknown flag", []string{"--colour"}, nil, 0, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFlagSet(&env{stdout: io.Discard}, "show", "show ID", "Show.")
			version := fs.Int("version", 0, "")
			pos, err := fs.parse(tt.args)
			if tt.err != "" {
				var u *usageError
				if !errors.As(err, &u) || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want a usage error with %q", err, tt.err)
				}
				return
			}
			if err != nil || !slices.Equal(pos, tt.pos) || *version != tt.version {
				t.Errorf("got %q, version %d, err %v; want %q, %d", pos, *version, err, tt.pos, tt.version)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add("abc\x00--version\x002")
	f.Add("--\x00-h")
	f.Add("-version=\x00--\x00--")
	f.Fuzz(func(t *testing.T, joined string) {
		fs := newFlagSet(&env{stdout: io.Discard}, "show", "show ID", "Show.")
		fs.Int("version", 0, "")
		fs.Bool("json", false, "")
		args := strings.Split(joined, "\x00")
		pos, err := fs.parse(args)
		if err == nil && len(pos) > len(args) {
			t.Errorf("%d positionals from %d arguments", len(pos), len(args))
		}
	})
}
