package sqlite_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi/storetest"
)

func TestConsultStore(t *testing.T) {
	storetest.RunConsult(t, func(t *testing.T) storetest.AuditedConsult { return mustOpen(t) })
}
