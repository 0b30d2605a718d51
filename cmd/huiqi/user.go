package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/sms"
)

const userHelp = `
User manages staff accounts (enterprise users create theirs by signing in
with an SMS code):

  huiqi user add --username U --name N --role admin|officer|reviewer
                 [--regions 510105,510100] [--phone P] [--password-file F]
                                 add a staff member; the first administrator
                                 is added this way
  huiqi user list [--role R] [--json]
                                 list users, oldest first
  huiqi user disable USER        disable a user and end their sessions
  huiqi user enable USER         enable a disabled user again
  huiqi user password USER       set a staff member's password and end
                                 their sessions
  huiqi user verify --phone P --credit-code C
                                 verify an enterprise user's claim to an
                                 enterprise, so that they act for it

USER is a username, a mobile number or a user ID. Run huiqi user add -h
(or list, disable, password, verify) for the flags. Each change is written to the
audit log.`

func runUser(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "add":
			return runUserAdd(ctx, e, args[1:])
		case "list":
			return runUserList(ctx, e, args[1:])
		case "disable":
			return runUserDisable(ctx, e, args[1:], true)
		case "enable":
			return runUserDisable(ctx, e, args[1:], false)
		case "password":
			return runUserPassword(ctx, e, args[1:])
		case "verify":
			return runUserVerify(ctx, e, args[1:])
		}
	}
	fs := newFlagSet(e, "user", "user add|list|disable|enable|password|verify [flags] [USER]", userHelp)
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return fs.usagef("missing subcommand: add, list, disable, enable, password or verify")
	}
	return fs.usagef("unknown subcommand %q: want add, list, disable, enable, password or verify", pos[0])
}

// accountStore is a store that keeps accounts and the audit log.
type accountStore interface {
	huiqi.AccountStore
	huiqi.AuditLog
	Close() error
}

// openAccounts opens the configured store for the account commands; with
// existing, a missing data directory is an error rather than a new database.
func openAccounts(ctx context.Context, c Config, existing bool) (accountStore, error) {
	open := openStore
	if existing {
		open = openExisting
	}
	st, err := open(ctx, c)
	if err != nil {
		return nil, err
	}
	a, ok := st.(accountStore)
	if !ok {
		st.Close()
		return nil, fmt.Errorf("this store keeps no accounts")
	}
	return a, nil
}

// findUser finds a user by username, mobile number or ID.
func findUser(ctx context.Context, st huiqi.AccountStore, who string) (*huiqi.User, error) {
	switch {
	case strings.HasPrefix(who, "u_"):
		return st.FindUser(ctx, who)
	case strings.Trim(who, "+0123456789 -") == "":
		return st.FindUserByPhone(ctx, strings.NewReplacer(" ", "", "-", "", "+86", "").Replace(who))
	}
	return st.FindUserByUsername(ctx, who)
}

// login is how a user signs in, as the list shows it: the username, or the
// mobile number masked.
func login(u huiqi.User) string {
	if u.Username != "" {
		return u.Username
	}
	return sms.Mask(u.Phone)
}

// cliActor is the audit log's actor for changes made on the command line,
// by whoever may open the database.
const cliActor = "system"

func cliNow() time.Time { return time.Now().UTC() }
