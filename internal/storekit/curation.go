package storekit

import "github.com/huiqi-dev/huiqi"

// CheckRule refuses a curated rule without measure, policy, YAML or author.
func CheckRule(r *huiqi.CuratedRule) error {
	switch {
	case r == nil:
		return huiqi.Errorf(huiqi.EINVALID, "curated rule is required")
	case r.MeasureID == "":
		return huiqi.Errorf(huiqi.EINVALID, "curated rule: measure_id is required")
	case r.PolicyID == "":
		return huiqi.Errorf(huiqi.EINVALID, "curated rule %s: policy_id is required", r.MeasureID)
	case r.YAML == "":
		return huiqi.Errorf(huiqi.EINVALID, "curated rule %s: yaml is required", r.MeasureID)
	case r.By == "":
		return huiqi.Errorf(huiqi.EINVALID, "curated rule %s: by is required", r.MeasureID)
	}
	return nil
}

// CheckCurator refuses a curation of policy id whose audit entry does not
// name the officer.
func CheckCurator(ev *huiqi.AuditEntry, id string) error {
	if ev == nil || ev.Actor == "" {
		return huiqi.Errorf(huiqi.EINVALID, "curating policy %s: an audit entry naming the officer is required", id)
	}
	return nil
}
