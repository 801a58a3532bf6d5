-- wrk script for bench/run_faults.sh: a reader mix (an article, the home page and the news
-- section, served from the page cache while it is up, and the article rendered because of a
-- query string, which reads the database and the per-generation answers), and a count of 5xx.
local paths = {
  "/vi/tin-tuc/phong-chong-mua-ban-nguoi/",
  "/vi/",
  "/vi/tin-tuc/",
  "/vi/tin-tuc/phong-chong-mua-ban-nguoi/?utm_source=load-test",
}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  server_errors = 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], {["X-Forwarded-Proto"] = "https"})
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  end
end

function done(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("server_errors")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d 5xx=%d non2xx3xx=%d connect=%d read=%d write=%d timeout=%d p50_ms=%.0f p99_ms=%.0f\n",
    summary.requests, errors, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
