-- Each search_docs row records the layout it was written under: what huiqi
-- derived from the policy and stored in it. Layout 1 adds the beneficiary
-- types to the facet tokens ('b' and the type: benterprise, bcarrier…), the
-- beneficiary type facet and filter.
--
-- The rows already here are left at layout 0, without beneficiary types: the
-- types are sorted in Go (huiqi.BeneficiaryTypeOf, the embedded index's
-- rule), which SQL cannot run, and the search tables keep the beneficiaries
-- only normalised (Traditional folded to Simplified), so a copy of the rule
-- in SQL would sort some of them otherwise and would go stale when the rule
-- changes. They are rewritten by `huiqi reindex --db URL`; `huiqi serve`
-- finds them at start-up (postgres.SearchIndex.Outdated) and rebuilds the
-- index itself when the store holds up to 2,000 policies, else says to run
-- the reindex. Until then the facet leaves them out and the filter misses
-- them; every other search answers as before.
--
-- A constant default adds the column without rewriting the table.

ALTER TABLE search_docs ADD COLUMN layout SMALLINT NOT NULL DEFAULT 0;
