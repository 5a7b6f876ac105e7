-- wrk script: POST chat messages to the assistant, cycling through the questions in $QUESTIONS (one per line).
local questions = {}
local path = os.getenv("CHAT_PATH") or "/api/v1/assistant/tenants/shinonomeno/chat"
local file = os.getenv("QUESTIONS") or "/tmp/madoguchi-assistant-http-bench/questions.txt"
for line in io.lines(file) do
  if #line > 0 then
    local q = line:gsub('\\', '\\\\'):gsub('"', '\\"')
    table.insert(questions, '{"text":"' .. q .. '","language":"ja","channel":"API"}')
  end
end
local i = 0
local counts = {}
function setup(thread) thread:set("offset", math.random(1, #questions)) end
function init(args) i = offset or 1 end
function request()
  i = i % #questions + 1
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, questions[i])
end
function response(status, headers, body)
  if status ~= 200 then counts[status] = (counts[status] or 0) + 1 end
end
