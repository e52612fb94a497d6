-- testdata/scenarios/negative/lua-error.lua: an error raised by the API
-- (a system register that does not exist) in the middle of a scenario:
-- exit 2, one line naming this file and line 9. The expectation that held
-- before it does not change that.
local m = elsim.world{hyp = "hyp-v414.elf", guest = "guest-hello.elf"}
m:run_to("__guest_exit")
expect_eq(m:el(), 2, "at EL2")

local v = m:sysreg("NOT_A_REG")
