-- testdata/scenarios/negative/hook-error.lua: an error inside a hook ends
-- the run and the script with exit 2, naming the hook's own line (8).
local m = elsim.world{hyp = "hyp-v414.elf", guest = "guest-hello.elf"}
local seen
m:on_exit(function(e)
  -- `seen` is nil on the first exit: arithmetic on it is an error

  seen = seen + 1
end)
m:run()
