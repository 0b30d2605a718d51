package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
	"github.com/huiqi-dev/huiqi/sms"
)

const userVerifyHelp = `
User verify verifies an enterprise user's claim to an enterprise, as an
officer of its region does on the page 企业绑定核验: the user may then apply
for the enterprise and read its applications. Verify only once you know the
user works for the enterprise. The change is written to the audit log.`

func runUserVerify(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "user verify", "user verify --phone P --credit-code C", userVerifyHelp)
	cfg := e.config
	resolve := cfg.storeFlags(fs)
	phone := fs.String("phone", "", "the enterprise user's mobile `NUMBER`")
	code := fs.String("credit-code", "", "the enterprise's 统一社会信用代码 (`CODE`)")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	*code = strings.ToUpper(strings.TrimSpace(*code))
	switch {
	case len(pos) != 0:
		return fs.usagef("unexpected arguments %q", pos)
	case *phone == "" || *code == "":
		return fs.usagef("want --phone and --credit-code")
	}
	if err := resolve(); err != nil {
		return err
	}
	st, err := openAccounts(ctx, cfg, true)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := findUser(ctx, st, *phone)
	if err != nil {
		return err
	}
	b, err := claimOf(ctx, st, u, *code)
	if err != nil {
		return err
	}
	if b.Verified {
		fmt.Fprintf(e.stdout, "%s already acts for %s %s\n", sms.Mask(u.Phone), b.CreditCode, b.Name)
		return nil
	}
	detail, _ := json.Marshal(map[string]string{"credit_code": b.CreditCode, "as": "command line"})
	ev := &huiqi.AuditEntry{At: cliNow(), Actor: cliActor, Action: account.ActionBindingVerify, Object: "user:" + u.ID,
		Region: b.RegionCode, Detail: string(detail)}
	if err := st.VerifyBinding(ctx, u.ID, b.CreditCode, ev); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "verified: %s (%s) acts for %s %s\n", sms.Mask(u.Phone), u.ID, b.CreditCode, b.Name)
	return nil
}

// claimOf returns u's binding to the enterprise code; ENOTFOUND for none.
func claimOf(ctx context.Context, st huiqi.AccountStore, u *huiqi.User, code string) (*huiqi.EnterpriseBinding, error) {
	bs, err := st.Enterprises(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	for i := range bs {
		if bs[i].CreditCode == code {
			return &bs[i], nil
		}
	}
	return nil, huiqi.Errorf(huiqi.ENOTFOUND, "%s 没有申请绑定统一社会信用代码为 %s 的企业", sms.Mask(u.Phone), code)
}
