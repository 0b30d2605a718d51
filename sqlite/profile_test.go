package sqlite_test

import (
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/storetest"
)

func TestProfileStore(t *testing.T) {
	storetest.RunProfiles(t, func(t *testing.T) huiqi.ProfileStore { return mustOpen(t) })
}
