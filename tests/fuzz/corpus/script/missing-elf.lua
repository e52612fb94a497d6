-- testdata/scenarios/negative/missing-elf.lua: a hyp that does not exist:
-- the usual one-line "cannot open" message, with the script line that
-- asked for it, exit 2.

local m = elsim.world{hyp = "no-such-hyp.elf", guest = "guest-hello.elf"}
m:run()
