package main

import (
	"errors"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/account"
)

// codeLimitsFromEnv reads the limits on verification codes over
// account.DefaultCodeLimits: HUIQI_CODE_INTERVAL (a duration, 0s for
// none), HUIQI_CODE_PHONE_DAY, HUIQI_CODE_IP_HOUR and HUIQI_CODE_IP_DAY
// (counts of at least 1). None set is the zero value: the account
// service's defaults.
func codeLimitsFromEnv(getenv func(string) string) (huiqi.CodeLimits, error) {
	if getenv("HUIQI_CODE_INTERVAL")+getenv("HUIQI_CODE_PHONE_DAY")+getenv("HUIQI_CODE_IP_HOUR")+getenv("HUIQI_CODE_IP_DAY") == "" {
		return huiqi.CodeLimits{}, nil
	}
	l := account.DefaultCodeLimits
	var errs []error
	if v := getenv("HUIQI_CODE_INTERVAL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			errs = append(errs, huiqi.Errorf(huiqi.EINVALID, "HUIQI_CODE_INTERVAL: want a duration such as 60s, got %q", v))
		}
		l.PhoneInterval = d
	}
	for _, c := range []struct {
		name string
		n    *int
	}{{"HUIQI_CODE_PHONE_DAY", &l.PhoneDay}, {"HUIQI_CODE_IP_HOUR", &l.IPHour}, {"HUIQI_CODE_IP_DAY", &l.IPDay}} {
		if v := getenv(c.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				errs = append(errs, huiqi.Errorf(huiqi.EINVALID, "%s: want a count of at least 1, got %q", c.name, v))
			}
			*c.n = n
		}
	}
	return l, errors.Join(errs...)
}

// proxies parses TrustedProxies: addresses or CIDR prefixes.
func (p PlatformConfig) proxies() ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range strings.Split(p.TrustedProxies, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		if a, err := netip.ParseAddr(s); err == nil {
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		pr, err := netip.ParsePrefix(s)
		if err != nil {
			return nil, huiqi.Errorf(huiqi.EINVALID, "HUIQI_TRUSTED_PROXIES (--trusted-proxies): %q is no address or prefix such as 10.0.0.0/8", s)
		}
		out = append(out, pr.Masked())
	}
	return out, nil
}
