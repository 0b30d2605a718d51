-- wrk script of scripts/bench-search.sh: portal search pages that no result
-- cache answers: 20 words, each on its first 40 pages (offset 0 to 780), are
-- 800 distinct searches; each wrk thread sends its own half in turn, so a
-- search comes back only after 800 others, more than the 512 results the
-- embedded index keeps, and each one misses. Every page costs the whole search
-- (matching and facets over all matches). Usage:
--   wrk -s scripts/bench-search-wrk.lua http://127.0.0.1:PORT
local words = {"补助", "奖励", "高新技术企业", "孵化器", "孵化器 补助", "人才", "融资", "研发",
  "旅游", "专精特新", "首台（套）", "補助", "资金补助", "科技型中小企业", "贷款贴息", "创业",
  "技术改造", "知识产权", "人才引进", "就业"}
local pages = 40
local threads = 0
local n = 0

local function escape(s)
  return (string.gsub(s, "[^%w%-_.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Each wrk thread runs its own copy of this script; thread t sends the pages
-- t, t+2, t+4…, so two threads never send the same search.
function setup(thread)
  thread:set("t", threads)
  threads = threads + 1
end

function init(args)
  n = 0
end

function request()
  n = n + 1
  local w = words[n % #words + 1]
  local page = (math.floor(n / #words) * 2 + (tonumber(t) or 0)) % pages
  local offset = page * 20
  return wrk.format("GET", "/search?q=" .. escape(w) .. "&offset=" .. offset)
end
