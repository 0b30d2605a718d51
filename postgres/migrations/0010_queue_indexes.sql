-- The reviewers' and officers' queues at national scale (a province holds
-- thousands of waiting applications, the country tens of thousands):
-- statuses first, each an equality, then the region prefix as a range of
-- the same index (text_pattern_ops, as in 0007), then the order and the
-- ID. The count and the IDs of a page come from an index-only scan; only
-- the page's rows are read from the table, instead of every matching row
-- (or, for the whole country, the table) being read and sorted
-- (docs/benchmarks.md, "Platform stores at scale").
CREATE INDEX applications_queue ON applications (status, region_code text_pattern_ops, updated_at DESC, id DESC);
CREATE INDEX threads_queue ON threads (status, region_code text_pattern_ops, updated_at DESC, id DESC);
