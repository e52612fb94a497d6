-- testdata/scenarios/negative/syntax-error.lua: a Lua syntax error must
-- exit 2 with one line naming this file and the line (7), before any
-- machine is built.
local m = elsim.world{hyp = "hyp-v414.elf", guest = "guest-hello.elf"}
local r = m:run()

if r.status == 0 then expect(true "missing comma")
end
