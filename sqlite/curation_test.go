package sqlite_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi/storetest"
)

func TestCurationStore(t *testing.T) {
	storetest.RunCuration(t, func(t *testing.T) storetest.AuditedCuration { return mustOpen(t) })
}
