-- tests/gdb/serror-window.lua: the scenario behind the gdb.script test:
-- the SError of 08-serror-window on the non-RAS v5.6 exit path, with an
-- exception hook whose stops (at the SError's vector) the debugger shares.
local m = elsim.world{hyp = "hyp-v56.elf", guest = "guest-hello.elf"}
m:inject("serror", "__guest_exit")
local serrors = 0
m:on_exception(function(ev)
  if ev.from_el == 2 and ev.kind == "serror" then serrors = serrors + 1 end
end)
local r = m:run()
expect_eq(r.outcome, "poweroff", "outcome")
expect_eq(serrors, 1, "the hook saw the SError once")
expect_eq(r.serror_bit, 1, "one exit with the SError bit")
