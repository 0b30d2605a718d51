-- The reviewers' and officers' queues at national scale (a province holds
-- thousands of waiting applications, the country tens of thousands):
-- statuses first, each an equality, then the region prefix as a range of
-- the same index, then the order and the ID. The count and the IDs of a
-- page are read from the index alone; only the page's rows are read from
-- the table, instead of every matching row being sorted with its form
-- (docs/benchmarks.md, "Platform stores at scale").
CREATE INDEX applications_queue ON applications (status, region_code, updated_at DESC, id DESC);
CREATE INDEX threads_queue ON threads (status, region_code, updated_at DESC, id DESC);
