package main

import (
	"context"
	"fmt"

	"github.com/huiqi-dev/huiqi/account"
)

const userPasswordHelp = `
User password gives a staff member a new password, read as user add reads
it, and ends every session they have. USER is a username, a mobile number
or a user ID.`

func runUserPassword(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "user password", "user password [--password-file F] USER", userPasswordHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	pwFile := fs.String("password-file", "", "read the password from the first line of `FILE` (- for standard input)")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fs.usagef("want one USER, got %d", len(pos))
	}
	if err := resolve(); err != nil {
		return err
	}
	st, err := openAccounts(ctx, cfg, true)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := findUser(ctx, st, pos[0])
	if err != nil {
		return err
	}
	pw, err := readPassword(e, *pwFile)
	if err != nil {
		return err
	}
	n, err := account.SetPassword(ctx, st, cliActor, u, pw, cliNow())
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "new password for %s (%s); sessions ended: %d\n", login(*u), u.ID, n)
	return nil
}
