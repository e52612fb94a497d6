-- testdata/scenarios/12-isr-window.lua: the non-RAS v5.6 exit path opens
-- its SError window only when ISR_EL1.A says an SError is pending.
--
-- Reasoning. On a CPU without RAS (cortex-a53) the vector's `esb` is a NOP
-- and a pending SError stays pending. __guest_exit does `dsb sy; isb`, then
-- reads ISR_EL1 (`mrs x2, isr_el1`, found by its encoding 0xd538c102) and
-- branches to guest_exit_window only if bit 8 (A) is set. At EL2 ISR_EL1.A
-- shows the physical SError (AMO routes it to EL2 and the PE is at EL2).
-- Run 1 asserts an SError at the first __guest_exit (masked at EL2: it
-- stays pending): that exit reads A = 1, opens the window, and with
-- `earliest` the SError is taken at abort_guest_exit_start; the exit code
-- carries bit 31. KVM handles such an exit as the SError only (it injects
-- a virtual SError) and the interrupted console store runs again: 31 exits
-- in all. No other exit sees A. Run 2 injects nothing: all 30
-- exits read A = 0, skip the window, and no exception is taken at EL2
-- from EL2.
local MRS_X2_ISR = 0xd538c102

for _, inject in ipairs{true, false} do
  local what = inject and "with an SError: " or "without: "
  local m = elsim.world{hyp = "hyp-v56.elf", guest = "guest-hello.elf", model = "cortex-a53",
                        async_take = "earliest"}
  local exit = m:symbol("__guest_exit")
  local mrs
  for a = exit, exit + 0x200, 4 do
    if m:read32(a) == MRS_X2_ISR then mrs = a; break end
  end
  expect(mrs ~= nil, what .. "the ISR_EL1 read")
  if inject then m:inject("serror", "__guest_exit") end
  local isr, windows, el2_exc = {}, 0, {}
  m:on(mrs + 4, function() isr[#isr + 1] = m:reg("x2") end)
  m:on("guest_exit_window", function() windows = windows + 1 end)
  m:on_exception(function(ev)
    if ev.from_el == 2 then el2_exc[#el2_exc + 1] = ev end
  end)

  local r = m:run()
  expect_eq(r.outcome, "poweroff", what .. "outcome")
  expect_eq(#isr, inject and 31 or 30, what .. "ISR_EL1 read at every exit")
  local set = 0
  for _, v in ipairs(isr) do if v & 0x100 ~= 0 then set = set + 1 end end
  if inject then
    expect_ne(isr[1] & 0x100, 0, what .. "the first exit sees ISR_EL1.A")
    expect_eq(set, 1, what .. "only the first")
    expect_eq(windows, 1, what .. "the window opened once")
    expect_eq(#el2_exc, 1, what .. "one exception at EL2")
    expect_eq(el2_exc[1] and el2_exc[1].elr, m:symbol("abort_guest_exit_start"), what .. "taken in the window")
    expect_eq(r.serror_bit, 1, what .. "the exit carries the SError bit")
  else
    expect_eq(set, 0, what .. "no exit sees ISR_EL1.A")
    expect_eq(windows, 0, what .. "the window is skipped")
    expect_eq(#el2_exc, 0, what .. "no exception at EL2")
    expect_eq(r.serror_bit, 0, what .. "no SError bit")
  end
end
