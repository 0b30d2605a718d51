package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

const userListHelp = `
User list lists the users, oldest first: how each signs in (a username, or
a mobile number shown masked), name, role, regions and status. --json
prints them whole, mobile numbers included; password hashes never.`

func runUserList(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "user list", "user list [--role R] [--json]", userListHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	role := fs.String("role", "", "only users of the `role`: enterprise, officer, reviewer or admin")
	asJSON := fs.Bool("json", false, "print JSON: an array of users")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fs.usagef("unexpected argument %q", pos[0])
	}
	if r := huiqi.Role(*role); r != "" && r != huiqi.RoleEnterprise && !r.Staff() {
		return fs.usagef("--role: want enterprise, officer, reviewer or admin, got %q", *role)
	}
	if err := resolve(); err != nil {
		return err
	}
	st, err := openAccounts(ctx, cfg, true)
	if err != nil {
		return err
	}
	defer st.Close()
	users, err := st.ListUsers(ctx, huiqi.Role(*role))
	if err != nil {
		return err
	}
	if *asJSON {
		if users == nil {
			users = []huiqi.User{}
		}
		return writeJSON(e, users, true)
	}
	rows := [][]string{{"ID", "LOGIN", "NAME", "ROLE", "REGIONS", "STATUS", "CREATED"}}
	for _, u := range users {
		status := "active"
		if u.Disabled {
			status = "disabled"
		}
		rows = append(rows, []string{u.ID, login(u), dash(u.Name), string(u.Role), dash(strings.Join(u.Regions, ",")),
			status, u.CreatedAt.Local().Format("2006-01-02 15:04")})
	}
	if err := writeTable(e.stdout, rows); err != nil {
		return err
	}
	if len(users) == 1 {
		fmt.Fprintln(e.stdout, "1 user")
	} else {
		fmt.Fprintf(e.stdout, "%d users\n", len(users))
	}
	return nil
}
