-- wrk script: POSTs one signed delivery, chunked, over and over.
-- usage: wrk ... -s signed-delivery.lua URL -- BODY_FILE SIGNATURE [CHUNK_BYTES]
--
-- wrk.format() always adds Content-Length, and a request carrying both that and Transfer-Encoding is
-- ambiguous (servers may refuse it), so the whole request is framed here by hand, once.

local request_bytes

function init(args)
   local body_file, signature, chunk_bytes = args[1], args[2], tonumber(args[3] or "512")
   if not body_file or not signature then
      error("usage: -- BODY_FILE SIGNATURE [CHUNK_BYTES]")
   end
   local file = assert(io.open(body_file, "rb"))
   local body = file:read("*a")
   file:close()

   local chunks = {}
   for offset = 1, #body, chunk_bytes do
      local piece = body:sub(offset, offset + chunk_bytes - 1)
      chunks[#chunks + 1] = string.format("%x\r\n%s\r\n", #piece, piece)
   end
   chunks[#chunks + 1] = "0\r\n\r\n"

   local host = wrk.headers["Host"] or (wrk.host .. ":" .. wrk.port)
   request_bytes = "POST " .. wrk.path .. " HTTP/1.1\r\n"
      .. "Host: " .. host .. "\r\n"
      .. "Content-Type: application/json\r\n"
      .. "Preservica-Signature: " .. signature .. "\r\n"
      .. "Transfer-Encoding: chunked\r\n"
      .. "\r\n"
      .. table.concat(chunks)
end

function request()
   return request_bytes
end

-- One machine-readable line for run.sh; times in microseconds.
function done(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format("RESULT\t%d\t%d\t%d\t%d\t%d\t%d\n",
      summary.requests, summary.duration,
      latency:percentile(50), latency:percentile(99),
      errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
