-- wrk script of scripts/bench-search.sh: portal search pages that no result
-- cache answers: 20 words, each on its first 26 pages (offset 0 to 500), are
-- 520 distinct searches, sent in turn, more than the 512 results the embedded
-- index keeps, so each one misses; every page costs the whole search (matching
-- and facets over all matches). Usage:
--   wrk -s scripts/bench-search-wrk.lua http://127.0.0.1:PORT
local words = {"补助", "奖励", "高新技术企业", "孵化器", "孵化器 补助", "人才", "融资", "研发",
  "旅游", "专精特新", "首台（套）", "補助", "资金补助", "科技型中小企业", "贷款贴息", "创业",
  "技术改造", "知识产权", "人才引进", "就业"}
local pages = 26
local n = 0

local function escape(s)
  return (string.gsub(s, "[^%w%-_.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Each wrk thread runs its own copy; starting the threads apart keeps them
-- from sending the same search at once.
function setup(thread)
  thread:set("start", math.random(0, #words * pages - 1))
end

function init(args)
  n = tonumber(start) or 0
end

function request()
  n = n + 1
  local w = words[n % #words + 1]
  local offset = (math.floor(n / #words) % pages) * 20
  return wrk.format("GET", "/search?q=" .. escape(w) .. "&offset=" .. offset)
end
