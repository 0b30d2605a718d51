package main

import (
	"context"
	"fmt"

	"github.com/huiqi-dev/huiqi/account"
)

const userDisableHelp = `
User disable stops a user from signing in and ends every session they
have; their API tokens stop working too. User enable lets them sign in
again. USER is a username, a mobile number or a user ID.`

func runUserDisable(ctx context.Context, e *env, args []string, disable bool) error {
	verb := "enable"
	if disable {
		verb = "disable"
	}
	fs := newFlagSet(e, "user "+verb, "user "+verb+" USER", userDisableHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
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
	if u.Disabled == disable {
		fmt.Fprintf(e.stdout, "%s is already %sd\n", login(*u), verb)
		return nil
	}
	n, err := account.SetDisabled(ctx, st, cliActor, u, disable, cliNow())
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%sd %s (%s)", verb, login(*u), u.ID)
	if disable {
		fmt.Fprintf(e.stdout, "; sessions ended: %d", n)
	}
	fmt.Fprintln(e.stdout)
	return nil
}
