package sqlite_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi/storetest"
)

func TestApplicationStore(t *testing.T) {
	storetest.RunApplications(t, func(t *testing.T) storetest.AuditedApplications { return mustOpen(t) })
}
