package portal

import (
	"context"
	"net/http"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/profile"
)

// userProfileKey is the store key of a signed-in user's profile.
func userProfileKey(u *huiqi.User) string { return "user:" + u.ID }

// adoptDraft keeps the browser's 我的企业 draft as the user's profile at
// sign-in, unless the user has one already, and binds the user to the
// enterprise of its 统一社会信用代码 when the code is valid.
func (h *handler) adoptDraft(r *http.Request, u *huiqi.User) error {
	if h.ent == nil || u.Role != huiqi.RoleEnterprise {
		return nil
	}
	ctx, key := r.Context(), userProfileKey(u)
	_, err := h.ent.profiles.FindProfile(ctx, key)
	if huiqi.ErrorCode(err) != huiqi.ENOTFOUND {
		if err == nil {
			return h.bindProfileCode(ctx, u)
		}
		return err
	}
	draft := draftKey(r)
	if draft == "" {
		return nil
	}
	sp, err := h.ent.profiles.FindProfile(ctx, draft)
	if huiqi.ErrorCode(err) == huiqi.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	sp.Key = key
	if err := h.ent.profiles.SaveProfile(ctx, sp); err != nil {
		return err
	}
	return h.bindProfileCode(ctx, u)
}

// bindProfileCode binds an enterprise user to the enterprise whose valid
// 统一社会信用代码 its saved profile names, when it is not bound already.
func (h *handler) bindProfileCode(ctx context.Context, u *huiqi.User) error {
	if h.ent == nil || u.Role != huiqi.RoleEnterprise {
		return nil
	}
	sp, err := h.ent.profiles.FindProfile(ctx, userProfileKey(u))
	if huiqi.ErrorCode(err) == huiqi.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	code := strings.ToUpper(strings.TrimSpace(sp.Profile.CreditCode))
	if code == "" || profile.CheckCreditCode(code) != nil {
		return nil
	}
	bound, err := h.plat.Users.Enterprises(ctx, u.ID)
	if err != nil {
		return err
	}
	for _, b := range bound {
		if b.CreditCode == code {
			return nil
		}
	}
	name := strings.TrimSpace(sp.Profile.Name)
	if name == "" {
		name = code
	}
	return h.bind(ctx, u, code, name, "profile")
}
