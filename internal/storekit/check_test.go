package storekit_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// checkCase is one input of a check and the error it must give: the code
// ("" for none) and the exact message.
type checkCase struct {
	name string
	err  error
	code string
	msg  string
}

func runChecks(t *testing.T, tests []checkCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := huiqi.ErrorCode(tt.err); got != tt.code {
				t.Fatalf("code = %q (%v), want %q", got, tt.err, tt.code)
			}
			if tt.code != "" && tt.err.Error() != tt.msg {
				t.Errorf("message = %q, want %q", tt.err.Error(), tt.msg)
			}
		})
	}
}
