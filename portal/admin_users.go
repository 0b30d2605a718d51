package portal

import (
	"net/http"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
	"github.com/huiqi-dev/huiqi/api"
)

// usersPage is the data of the staff page.
type usersPage struct {
	Staff []staffView
	Roles []roleOption
	// Form is what the create form was sent with, kept on an error.
	Form          staffForm
	Error, Notice string
	CSRF          string
	Self          string // the administrator's own ID
}

type staffView struct {
	ID, Username, Name, Role, Regions, CreatedAt string
	Disabled                                     bool
}

type staffForm struct {
	Username, Name, Role, Regions, Phone string
}

type roleOption struct {
	Value, Label string
}

var staffRoles = []roleOption{
	{string(huiqi.RoleOfficer), huiqi.RoleOfficer.Label()},
	{string(huiqi.RoleReviewer), huiqi.RoleReviewer.Label()},
	{string(huiqi.RoleAdmin), huiqi.RoleAdmin.Label()},
}

// adminUsers answers GET /admin/users: the staff, and a form to add one.
func (h *handler) adminUsers(w http.ResponseWriter, r *http.Request) {
	u, ok := h.requireUser(w, r, huiqi.RoleAdmin)
	if !ok {
		return
	}
	up := usersPage{Form: staffForm{Role: string(huiqi.RoleOfficer)}}
	switch {
	case r.URL.Query().Get("created") != "":
		up.Notice = "已添加工作人员。"
	case r.URL.Query().Get("updated") != "":
		up.Notice = "已更新账号状态。"
	}
	h.showUsers(w, r, http.StatusOK, u, up)
}

// showUsers renders the staff page with what up already holds.
func (h *handler) showUsers(w http.ResponseWriter, r *http.Request, status int, admin *huiqi.User, up usersPage) {
	for _, role := range []huiqi.Role{huiqi.RoleAdmin, huiqi.RoleOfficer, huiqi.RoleReviewer} {
		users, err := h.plat.Users.ListUsers(r.Context(), role)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		for _, s := range users {
			up.Staff = append(up.Staff, staffView{s.ID, s.Username, s.Name, s.Role.Label(),
				strings.Join(s.Regions, "、"), clock(s.CreatedAt), s.Disabled})
		}
	}
	up.Roles, up.CSRF, up.Self = staffRoles, csrfToken(w, r), admin.ID
	noStore(w)
	h.render(w, r, status, "admin_users", page{Title: "工作人员", Data: up, CSRF: up.CSRF})
}

// adminUserCreate answers POST /admin/users: adds a staff member with a
// role, regions and a first password.
func (h *handler) adminUserCreate(w http.ResponseWriter, r *http.Request) {
	if !h.postedForm(w, r) {
		return
	}
	admin, ok := h.requireUser(w, r, huiqi.RoleAdmin)
	if !ok {
		return
	}
	f := staffForm{Username: strings.TrimSpace(r.PostFormValue("username")), Name: strings.TrimSpace(r.PostFormValue("name")),
		Role: r.PostFormValue("role"), Regions: r.PostFormValue("regions"), Phone: strings.TrimSpace(r.PostFormValue("phone"))}
	regions := strings.FieldsFunc(f.Regions, func(c rune) bool { return c == ',' || c == '，' || c == '、' || c == ' ' || c == '\n' || c == '\r' })
	u, err := account.NewStaff(f.Username, f.Name, huiqi.Role(f.Role), regions, f.Phone, r.PostFormValue("password"))
	if err == nil {
		err = account.CreateStaff(r.Context(), h.plat.Users, admin.ID, u, h.now().UTC())
	}
	if s := api.StatusCode(err); s == http.StatusBadRequest || s == http.StatusConflict {
		msg := huiqi.ErrorMessage(err)
		if s == http.StatusConflict {
			msg = "用户名或手机号已被使用：" + msg
		}
		h.showUsers(w, r, s, admin, usersPage{Form: f, Error: msg})
		return
	} else if err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/users?created=1", http.StatusSeeOther)
}

// adminUserDisabled answers POST /admin/users/{id}/disabled: disables a
// staff member (ending every session) or enables them again. An
// administrator cannot disable themselves.
func (h *handler) adminUserDisabled(w http.ResponseWriter, r *http.Request) {
	if !h.postedForm(w, r) {
		return
	}
	admin, ok := h.requireUser(w, r, huiqi.RoleAdmin)
	if !ok {
		return
	}
	disable := r.PostFormValue("disabled") == "1"
	u, err := h.plat.Users.FindUser(r.Context(), r.PathValue("id"))
	switch {
	case err != nil:
		h.fail(w, r, err)
		return
	case u.ID == admin.ID && disable:
		h.showUsers(w, r, http.StatusBadRequest, admin, usersPage{Error: "不能停用自己的账号"})
		return
	}
	if _, err := account.SetDisabled(r.Context(), h.plat.Users, admin.ID, u, disable, h.now().UTC()); err != nil {
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/users?updated=1", http.StatusSeeOther)
}
