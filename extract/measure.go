package extract

import (
	"regexp"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/cnum"
)

// money is an amount found in a sentence with what its context says of it.
type money struct {
	a        cnum.Amount // offsets relative to the document
	seg      int         // index of its comma segment
	cap      bool
	listPrev bool // joined to the previous amount by 、和及 (a list shares one verb)
}

// findMeasures reads every money support item of the document, one per amount.
func findMeasures(d *doc) []huiqi.Measure {
	var out []huiqi.Measure
	var pending []huiqi.Measure // rate measures still waiting for their cap
	var pendingClause string
	clauseFrom := 0 // index in out of the first measure of the current clause
	prev := span{}
	for _, s := range d.sentences {
		if s.end <= d.bodyStart {
			continue
		}
		c := d.clauseAt(s.start)
		path := ""
		if c != nil {
			path = c.Path
		}
		if path != pendingClause {
			out = append(out, pending...) // rates that never found a cap
			pending = nil
			clauseFrom = len(out)
			prev = span{}
		}
		if y, ok := capSentence(d, s); ok && len(pending) > 0 {
			// "单个项目最高补助100万元。" caps each rate left waiting.
			for i := range pending {
				v := y
				pending[i].AmountYuan, pending[i].AmountIsCap = &v, true
			}
			out = append(out, pending...)
			pending = nil
			pendingClause = path
			continue
		}
		if y, ok := capSentence(d, s); ok && clauseFrom < len(out) {
			// "每家企业每年最高不超过50万元。" after the measures it caps.
			for i := clauseFrom; i < len(out); i++ {
				if out[i].CapYuan == nil && (out[i].PerUnit != "" || out[i].Periodicity == "annual" || out[i].Rate != nil) {
					v := y
					out[i].CapYuan = &v
				}
			}
			pendingClause = path
			continue
		}
		// Rates wait only for a cap sentence right after them; otherwise they
		// stand as rate-only measures.
		out = append(out, pending...)
		pending = nil
		listed := prev.end > 0 && strings.HasSuffix(d.str(prev), "：") && reSupport.MatchString(d.str(prev))
		ms, open := sentenceMeasures(d, s, c, listed)
		out = append(out, ms...)
		pending, pendingClause = open, path
		if !listed || len(ms) == 0 {
			prev = s
		}
	}
	return append(out, pending...)
}

// capSentence reports whether a sentence only caps what one beneficiary gets
// ("每家企业每年最高不超过50万元。"), and the cap.
func capSentence(d *doc, s span) (int64, bool) {
	t := strings.TrimSpace(d.str(s))
	subject := rePerEntity.FindString(t)
	if subject == "" || reGive.MatchString(t[len(subject):]) {
		return 0, false // "奖励金额最高不超过20万元" is a cap; "…给予…" is a measure
	}
	as := cnum.FindAmounts(t)
	if len(as) != 1 || !reCapBefore.MatchString(t[:as[0].Start]) {
		return 0, false
	}
	return as[0].Yuan, true
}

// sentenceMeasures reads the measures of one sentence, and returns apart the
// rate measures at its end that are still waiting for a cap sentence.
func sentenceMeasures(d *doc, s span, c *huiqi.Clause, listed bool) ([]huiqi.Measure, []huiqi.Measure) {
	t := d.str(s)
	if !strings.Contains(t, "元") && !strings.ContainsAny(t, "%％‰") {
		return nil, nil // no money and no rate: nothing to read
	}
	if rePenalty.MatchString(t) && !reGive.MatchString(t) {
		return nil, nil
	}
	segs := segments(d.text, s)
	amounts := supportAmounts(d, s, segs, listed)
	rates := findRates(d, s, segs)
	if len(amounts) == 0 && len(rates) == 0 {
		return nil, nil
	}
	b := measureBuilder{d: d, s: s, segs: segs, clause: c}
	var out []huiqi.Measure
	var open []int // indexes in out of rate measures without an amount yet
	ri := 0
	lastRated := -1 // the last rate measure that got a cap: a bare cap after it shares its rate
	for _, m := range amounts {
		// Rates written before this amount open measures that wait for a cap.
		for ri < len(rates) && rates[ri].Start < m.a.Start {
			out = append(out, b.rateMeasure(rates[ri]))
			open = append(open, len(out)-1)
			ri++
		}
		if m.cap && len(open) > 0 {
			// The cap of a rate: it becomes that measure's amount.
			i := open[0]
			if len(open) > 1 && !moreCaps(amounts, m) {
				// One cap for several rates ("分别给予30%、20%、10%的补助，最高1000万元").
				for _, j := range open {
					b.setAmount(&out[j], m)
				}
				lastRated, open = open[len(open)-1], nil
				continue
			}
			if len(open) > 1 {
				open = open[1:]
			} else if !m.listPrev && !nextIsListed(amounts, m) {
				open = nil
			} else {
				// One rate, several caps (园区 200万, 楼宇 100万): copy the rate.
				cp := out[i]
				out = append(out, cp)
				i = len(out) - 1
			}
			b.setAmount(&out[i], m)
			lastRated = i
			continue
		}
		if m.cap && lastRated >= 0 && !reGive.MatchString(d.text[segs[m.seg].start:m.a.Start]) && !perEntityCap(d, segs[m.seg]) {
			// "园区最高不超过200万元，楼宇最高不超过100万元": each cap is a measure at the same rate.
			cp := out[lastRated]
			b.setAmount(&cp, m)
			out = append(out, cp)
			continue
		}
		if m.cap && perEntityCap(d, segs[m.seg]) && len(out) > 0 && out[len(out)-1].AmountYuan != nil && out[len(out)-1].CapYuan == nil && (out[len(out)-1].PerUnit != "" || out[len(out)-1].Periodicity == "annual") {
			// A per-beneficiary cap on a per-unit or yearly amount is that measure's cap.
			y := m.a.Yuan
			out[len(out)-1].CapYuan = &y
			continue
		}
		if m.cap && len(out) > 0 && out[len(out)-1].PerUnit != "" && out[len(out)-1].CapYuan == nil && reSlashUnit.MatchString(d.text[m.a.End:s.end]) && !m.listPrev {
			// "100元/平方米的补助，最高不超过10万元/家": the cap of the per-unit amount.
			y := m.a.Yuan
			out[len(out)-1].CapYuan = &y
			continue
		}
		nm := b.amountMeasure(m)
		if m.listPrev && len(out) > 0 && nm.PerUnit == "" {
			nm.PerUnit = out[len(out)-1].PerUnit // "每标箱20元、30元、40元"
		}
		out = append(out, nm)
	}
	for ; ri < len(rates); ri++ {
		out = append(out, b.rateMeasure(rates[ri]))
		open = append(open, len(out)-1)
	}
	// Rates at the end of the sentence without a cap wait for the next sentence
	// ("按实际投入分别给予30%、20%的补助。单个项目最高补助100万元。").
	var waiting []huiqi.Measure
	for len(out) > 0 && out[len(out)-1].AmountYuan == nil && out[len(out)-1].Rate != nil && len(open) > 0 && open[len(open)-1] == len(out)-1 {
		waiting = append([]huiqi.Measure{out[len(out)-1]}, waiting...)
		out = out[:len(out)-1]
		open = open[:len(open)-1]
	}
	return out, waiting
}

// moreCaps reports whether caps follow m in the sentence.
func moreCaps(all []money, m money) bool {
	for _, o := range all {
		if o.a.Start > m.a.Start && o.cap {
			return true
		}
	}
	return false
}

func nextIsListed(all []money, m money) bool {
	for i := range all {
		if all[i].a.Start == m.a.Start && i+1 < len(all) {
			return all[i+1].listPrev
		}
	}
	return false
}

// perEntityCap reports whether a segment caps what one beneficiary gets
// ("单个企业年度最高10万元", "每家企业每年最高不超过50万元").
func perEntityCap(d *doc, seg span) bool {
	return rePerEntity.MatchString(strings.TrimSpace(d.str(seg)))
}

// supportAmounts returns the amounts of a sentence that are support, in order.
func supportAmounts(d *doc, s span, segs []span, listed bool) []money {
	t := d.str(s)
	var out []money
	prevEnd := -1
	for _, a := range listedAmounts(t, cnum.FindAmounts(t)) {
		a.Start += s.start
		a.End += s.start
		si := segIndex(segs, a.Start)
		m := money{a: a, seg: si}
		between := ""
		if prevEnd >= 0 {
			between = strings.TrimSpace(d.text[prevEnd:a.Start])
		}
		m.listPrev = prevEnd >= 0 && (between == "、" || between == "和" || between == "及" || between == "或" || between == "，" && false)
		prevEnd = a.End
		if a.Currency != "" && a.Currency != "CNY" || a.Yuan == 0 {
			// Foreign money is a base, not what is paid; amounts under one yuan
			// ("每进口1美元资助0.05元") do not fit whole yuan and are left out.
			continue
		}
		if !isSupport(d, segs, m, listed) {
			continue
		}
		segText := d.text[segs[si].start:a.Start]
		m.cap = reCapBefore.MatchString(segText) || reCapAfter.MatchString(d.text[a.End:min(len(d.text), a.End+12)])
		if m.listPrev && len(out) > 0 && out[len(out)-1].cap && out[len(out)-1].seg == si {
			m.cap = true // "最高2万元、5万元、8万元": the list shares 最高
		}
		out = append(out, m)
	}
	return out
}

// isSupport decides whether an amount is money given, rather than a threshold,
// a target or a statistic.
// listed is true for the items of a list that a support sentence ending in a
// colon introduces ("支持额度：A类30万元；B类20万元").
func isSupport(d *doc, segs []span, m money, listed bool) bool {
	seg := segs[m.seg]
	before := d.text[seg.start:m.a.Start]
	after := d.text[m.a.End:seg.end]
	if reAboveBelow.MatchString(after) && !reGiveRight.MatchString(before) && !(strings.Contains(before, "设立") && strings.Contains(after, "基金")) {
		return false // "单价3万元以上的设备": a threshold, unless "给予500万元以上"
	}
	if reInstalmentPart.MatchString(before) && reInstalment.MatchString(d.text[segs[0].start:segs[len(segs)-1].end]) {
		return false // one instalment of a total already counted
	}
	if rePerBaseBefore.MatchString(before) || reDecrease.MatchString(before) {
		return false // "每1000万元给予2万元": the base of a per-unit reward; "递减100万元"
	}
	if !reGive.MatchString(before) {
		// "销售额在1亿元以上、5-10亿元的分别给予…": amounts before the verb that
		// has amounts of its own after it are conditions.
		if v := reGive.FindStringIndex(after); v != nil && len(cnum.FindAmounts(after[v[1]:])) > 0 {
			return false
		}
	}
	if reListTail.MatchString(after) && !reGive.MatchString(before) {
		return false // "突破1亿元、2亿元的": conditions listed before the verb
	}
	// A threshold word with no giving verb after it binds the amount as a condition.
	if tw := lastIndex(reThresholdWord, before); tw >= 0 {
		if gv := lastIndex(reGive, before); gv < tw {
			// "最高不超过" and "不低于" right after a giving phrase are caps, not thresholds.
			if !(reCapBefore.MatchString(before) && reSupport.MatchString(before)) {
				return false
			}
		}
	}
	if listed || reSupport.MatchString(before) || reSupport.MatchString(after) {
		return true
	}
	// A bare amount segment continues the support phrase of the segment before
	// ("园区最高不超过200万元" after "…给予补助").
	return m.seg > 0 && reSupport.MatchString(d.str(segs[m.seg-1])) && reCapBefore.MatchString(before)
}

// segIndex returns the index of the segment containing at.
func segIndex(segs []span, at int) int {
	for i, s := range segs {
		if at < s.end {
			return i
		}
	}
	return len(segs) - 1
}

// reListHead is a number listed before an amount that carries the list's
// unit: "分别给予50万、10万元" lists 50万 too.
var reListHead = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)\s*(万|亿)?\s*[、和及]\s*$`)

// listedAmounts adds the amounts written without 元 at the head of a list
// whose last item has it, in text order.
func listedAmounts(t string, as []cnum.Amount) []cnum.Amount {
	var out []cnum.Amount
	for _, a := range as {
		var heads []cnum.Amount
		for cur := a; cur.MinYuan == nil && cur.Currency == ""; {
			m := reListHead.FindStringSubmatchIndex(t[:cur.Start])
			if m == nil {
				break
			}
			unit, end := "", m[3]
			switch {
			case m[4] >= 0:
				unit, end = t[m[4]:m[5]], m[5]
			case strings.Contains(a.Text, "亿"):
				unit = "亿"
			case strings.Contains(a.Text, "万"):
				unit = "万"
			}
			found := cnum.FindAmounts(t[m[2]:m[3]] + unit + "元")
			if unit == "" || len(found) != 1 {
				break
			}
			h := found[0]
			h.Start, h.End, h.Text = m[2], end, t[m[2]:end]
			heads = append([]cnum.Amount{h}, heads...)
			cur = h
		}
		out = append(append(out, heads...), a)
	}
	return out
}
