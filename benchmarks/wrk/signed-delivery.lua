-- wrk script: POSTs signed deliveries, chunked, cycling through a file of distinct ones.
-- usage: wrk ... -s signed-delivery.lua URL -- DELIVERIES_FILE [CHUNK_BYTES]
-- DELIVERIES_FILE: one delivery a line, "<signature>\t<body>" (benchmarks.jar deliveries writes it).
--
-- Distinct deliveries, because the receiver acknowledges an exact redelivery without routing it: the file must
-- hold more deliveries than the receiver remembers, so every request is routed in full.
-- wrk.format() always adds Content-Length, and a request carrying both that and Transfer-Encoding is ambiguous
-- (servers may refuse it), so each request is framed here by hand, once, before the load starts.

local threads_started = 0

function setup(thread)
   thread:set("thread_index", threads_started)
   threads_started = threads_started + 1
end

local requests = {}
local position = 1

local function frame(host, signature, body, chunk_bytes)
   local parts = {
      "POST " .. wrk.path .. " HTTP/1.1\r\n",
      "Host: " .. host .. "\r\n",
      "Content-Type: application/json\r\n",
      "Preservica-Signature: " .. signature .. "\r\n",
      "Transfer-Encoding: chunked\r\n",
      "\r\n",
   }
   for offset = 1, #body, chunk_bytes do
      local piece = body:sub(offset, offset + chunk_bytes - 1)
      parts[#parts + 1] = string.format("%x\r\n%s\r\n", #piece, piece)
   end
   parts[#parts + 1] = "0\r\n\r\n"
   return table.concat(parts)
end

function init(args)
   local file_name, chunk_bytes = args[1], tonumber(args[2] or "512")
   if not file_name then
      error("usage: -- DELIVERIES_FILE [CHUNK_BYTES]")
   end
   local host = wrk.headers["Host"] or (wrk.host .. ":" .. wrk.port)
   for line in io.lines(file_name) do
      local signature, body = line:match("^(%x+)\t(.*)$")
      if signature then
         requests[#requests + 1] = frame(host, signature, body, chunk_bytes)
      end
   end
   if #requests == 0 then
      error("no deliveries in " .. file_name)
   end
   -- threads start far apart in the cycle, so no two send the same delivery close together
   position = ((thread_index or 0) * 10007) % #requests + 1
end

function request()
   local r = requests[position]
   position = position % #requests + 1
   return r
end

-- One machine-readable line for run.sh; times in microseconds.
function done(summary, latency, requests_)
   local errors = summary.errors
   io.write(string.format("RESULT\t%d\t%d\t%d\t%d\t%d\t%d\n",
      summary.requests, summary.duration,
      latency:percentile(50), latency:percentile(99),
      errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
