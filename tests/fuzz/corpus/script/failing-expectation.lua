-- testdata/scenarios/negative/failing-expectation.lua: a scenario whose
-- expectation is wrong on purpose. The hello guest makes 30 TRAP exits
-- (26 console bytes, 3 test HVCs, SYSTEM_OFF); claiming 31 must print the
-- line, the values and the line's text, keep running (the next
-- expectations are still checked) and exit 1.
local m = elsim.world{hyp = "hyp-v414.elf", guest = "guest-hello.elf"}
local r = m:run()
expect_eq(r.outcome, "poweroff", "the guest powered off")

-- wrong on purpose:
expect_eq(r.exits.TRAP, 31, "TRAP exits")
expect(r.exits.IRQ == 1, "an IRQ exit")
