-- wrk script: POSTs one issued PDF to the public verification API; prints BAD for any answer that is not VALID.
-- wrk -t2 -c2 -d20s --latency -s bench/verify-post.lua http://localhost:8080/api/v1/verification -- /path/copy.pdf
function init(args)
  local f = assert(io.open(args[1], "rb"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  wrk.headers["Content-Type"] = "application/pdf"
  f:close()
end
function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"outcome":"VALID"', 1, true) then
    io.write("BAD ", status, "\n")
  end
end
