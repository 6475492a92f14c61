-- wrk script: each request takes the next path of a file (one per line), so a run spreads over
-- many filters, pages and races instead of repeating one answer.
--   wrk ... -s bench/wrk_paths.lua http://127.0.0.1:PORT -- PATHS_FILE
local paths = {}
local next_index = 1

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no paths in " .. tostring(args[1])) end
  -- Threads start at different places in the list.
  next_index = (math.random(#paths))
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end
