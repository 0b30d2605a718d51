package sqlite_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi/storetest"
)

func TestAccountStore(t *testing.T) {
	storetest.RunAccounts(t, func(t *testing.T) storetest.Accounts { return mustOpen(t) })
}
