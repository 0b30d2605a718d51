package postgres

// benWeight scales the beneficiaries' rank, which normalisation 2 divides
// by their length, to the head's.
const benWeight = "5"

// ranks returns the score expressions, binding their arguments in args; "0"
// without text. head scores from the two small in-row vectors: the head
// (title, issuers, 文号, region), short, so that its rank weighs those fields
// as fields, and the beneficiaries by their share; a word in the title or
// naming whom the measures are for outweighs the same word in the text, as
// the embedded index's field boosts do. It chooses the ranking pool (see
// rankPool). full adds the rank over all terms, normalised by 1 + log(length)
// so that long documents do not win merely by repeating a word.
func (pl *plan) ranks(args *sqlArgs) (full, head string) {
	if pl.text == nil {
		return "0", "0"
	}
	q := args.add(pl.text.rank) + "::tsquery"
	boost := exactBoost(args, pl.raw)
	head = "ts_rank(h.head, " + q + ") + " + benWeight + " * ts_rank(h.bens, " + q + ", 2)" + boost
	return head + " + ts_rank(d.terms, " + q + ", 1)", head
}

// exactBoost adds to the score of a policy whose 文号 or title is the whole
// query: someone who types a 文号 wants that document first.
func exactBoost(args *sqlArgs, text string) string {
	var keys []string
	for _, k := range []string{numberKey(text), titleKey(text)} {
		if k != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return ""
	}
	arg := args.add(keys) + "::text[]"
	return " + CASE WHEN d.title_key = ANY(" + arg + ") OR d.number_key = ANY(" + arg + ") THEN 1 ELSE 0 END"
}
