-- testdata/scenarios/09-serror-nowindow-panics.lua: the injection of
-- 08-serror-window.lua against hyp-v414-nowindow, the deliberately broken
-- build whose exit path unmasks SErrors without the labelled window.
--
-- Reasoning. The SError is asserted at the `msr daifclr, #4` of
-- __guest_exit (found by its encoding), pending and masked at EL2. Under
-- `earliest` it is taken at the very next boundary, the instruction after
-- the MSR, which is neither abort_guest_exit_start nor _end (this build
-- puts those labels after the `ret`): el2_error does not recognise ELR_EL2
-- and calls hyp_panic with x0 = the SError slot's offset, 0x380
-- (VECT_EL2H_ERROR). The harness stops at hyp_panic: outcome "panic",
-- exit status 3. Under `latest` nothing on the rest of the exit path is a
-- context synchronization event (no ISB, no exception), so the unmasking
-- is never seen at EL2: the hyp returns to the host with the SError still
-- pending and it becomes the host's ("host" fate), never charged to the
-- guest: no panic, but no SError bit either. The window's ISB is what
-- makes both policies take it in the same place; without it the outcome
-- depends on an IMPLEMENTATION DEFINED timing.
local MSR_DAIFCLR_A = 0xd50344ff

for _, policy in ipairs{"earliest", "latest"} do
  local what = "hyp-v414-nowindow " .. policy .. ": "
  local m = elsim.world{hyp = "hyp-v414-nowindow.elf", guest = "guest-hello.elf", async_take = policy}
  local exit = m:symbol("__guest_exit")
  local msr
  for a = exit, exit + 0x200, 4 do
    if m:read32(a) == MSR_DAIFCLR_A then msr = a; break end
  end
  expect(msr ~= nil, what .. "the MSR that unmasks A")
  m:inject("serror", msr)
  local serror, panic_x0
  m:on_exception(function(ev)
    if ev.from_el == 2 and ev.kind == "serror" then serror = ev end
  end)
  m:on("hyp_panic", function() panic_x0 = m:reg("x0") end)

  local r = m:run()
  local a = m:async()[1]
  if policy == "earliest" then
    expect_eq(r.outcome, "panic", what .. "outcome")
    expect_eq(r.status, 3, what .. "exit status")
    expect_eq(panic_x0, 0x380, what .. "hyp_panic's x0 = VECT_EL2H_ERROR")
    expect_eq(serror and serror.elr, msr + 4, what .. "SError taken right after the MSR")
    expect_ne(serror and serror.elr, m:symbol("abort_guest_exit_start"), what .. "not at the window's label")
    expect_eq(a.fate, "taken", what .. "fate")
  else
    expect_eq(r.outcome, "poweroff", what .. "outcome")
    expect_eq(r.status, 0, what .. "exit status")
    expect_eq(serror, nil, what .. "never taken at EL2")
    expect_eq(panic_x0, nil, what .. "no panic")
    expect_eq(r.serror_bit, 0, what .. "not charged to the guest")
    expect_eq(a.fate, "host", what .. "left pending for the host")
  end
end
