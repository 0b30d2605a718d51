package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
)

const userAddHelp = `
User add adds a staff member who signs in with a username and a password
(at least 10 characters, argon2id-hashed). The password is the first line
of --password-file, or a line on standard input; on a terminal it is asked
for twice. Officers and reviewers act within their --regions (GB/T 2260
codes; a city covers its districts); an administrator given none acts
everywhere. The first administrator of a new installation is added this
way.`

func runUserAdd(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "user add", "user add --username U --name N --role admin|officer|reviewer [--regions CODES] [--phone P] [--password-file F]", userAddHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	username := fs.String("username", "", "login `name`: lower-case letters, digits, . _ -")
	name := fs.String("name", "", "the member's `name` as shown, e.g. 王力")
	role := fs.String("role", "", "`role`: admin, officer or reviewer")
	regions := fs.String("regions", "", "comma-separated region `codes` the member acts within, e.g. 510105,510100")
	phone := fs.String("phone", "", "mobile `number` for notifications")
	pwFile := fs.String("password-file", "", "read the password from the first line of `FILE` (- for standard input)")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fs.usagef("unexpected argument %q", pos[0])
	}
	if *username == "" || *name == "" || *role == "" {
		return fs.usagef("--username, --name and --role are required")
	}
	if err := resolve(); err != nil {
		return err
	}
	var codes []string
	if *regions != "" {
		codes = strings.Split(*regions, ",")
	}
	pw, err := readPassword(e, *pwFile)
	if err != nil {
		return err
	}
	u, err := account.NewStaff(*username, *name, huiqi.Role(*role), codes, *phone, pw)
	if err != nil {
		return err
	}
	st, err := openAccounts(ctx, cfg, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := account.CreateStaff(ctx, st, cliActor, u, cliNow()); err != nil {
		return err
	}
	where := strings.Join(u.Regions, ",")
	if where == "" {
		where = "全部地区"
	}
	fmt.Fprintf(e.stdout, "added %s %s (%s, %s) as %s\n", u.Username, u.Name, u.Role.Label(), where, u.ID)
	return nil
}
