package account

import (
	"context"

	"github.com/huiqi-dev/huiqi"
)

// Enterprises lists the enterprises bound to a user, in the order bound.
func (s *Service) Enterprises(ctx context.Context, userID string) ([]huiqi.EnterpriseBinding, error) {
	return s.store.Enterprises(ctx, userID)
}
