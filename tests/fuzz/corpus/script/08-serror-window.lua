-- testdata/scenarios/08-serror-window.lua: an SError pending at EL2 on the
-- way out of the guest is taken inside __guest_exit's window, under both
-- recognition policies, on v4.14 and the non-RAS v5.6, on a CPU with RAS
-- (generic) and one without (cortex-a53).
--
-- Reasoning. The SError is asserted while the exit path runs at EL2 with
-- PSTATE.A set (exception entry masked it), so it stays pending: at EL2 an
-- SError routed to EL2 is masked by PSTATE.A. On v4.14 it is asserted at
-- the `msr daifclr, #4` that opens the window (found by its encoding,
-- 0xd50344ff, in __guest_exit); on v5.6 at __guest_exit itself, so that
-- the ISR_EL1 check sees it and branches to the window. The MSR clears A.
-- Arm ARM: an unmasking by MSR DAIFClr is guaranteed to be seen only at the
-- next context synchronization event, and may be seen earlier. `earliest`
-- takes the SError at the first boundary after the MSR, before the window's
-- ISB: ELR_EL2 = abort_guest_exit_start; `latest` takes it only after the
-- ISB: ELR_EL2 = abort_guest_exit_end. Either way it enters VBAR_EL2 +
-- 0x380 (current EL with SP_ELx, SError) and el2_error sees ELR at one of
-- the two labels and returns x0 = 1 << 31 (ARM_EXIT_WITH_SERROR_BIT). The
-- exit path then ORs in the original code (here the first exit of the
-- hello guest, a console store: ARM_EXCEPTION_TRAP = 2) and puts back
-- ELR/ESR/SPSR_EL2 as they were at the guest exit, which the SError had
-- overwritten: KVM reads them to handle the exit.
local MSR_DAIFCLR_A = 0xd50344ff

local function find(m, from, word)
  for a = from, from + 0x200, 4 do
    if m:read32(a) == word then return a end
  end
end

for _, hyp in ipairs{"hyp-v414.elf", "hyp-v56.elf"} do
  for _, model in ipairs{"generic", "cortex-a53"} do
    for _, policy in ipairs{"earliest", "latest"} do
      local what = hyp .. " " .. model .. " " .. policy .. ": "
      local m = elsim.world{hyp = hyp, guest = "guest-hello.elf", model = model, async_take = policy}
      local where = hyp == "hyp-v414.elf" and find(m, m:symbol("__guest_exit"), MSR_DAIFCLR_A)
                    or m:symbol("__guest_exit")
      m:inject("serror", where)
      local guest_exc, serror, first
      m:on_exception(function(ev)
        if ev.from_el == 1 and not guest_exc then guest_exc = ev end
        if ev.from_el == 2 and ev.kind == "serror" then serror = ev end
      end)
      m:on_exit(function(e) first = first or e end)

      local r = m:run()
      expect_eq(r.outcome, "poweroff", what .. "outcome")
      expect(serror ~= nil, what .. "the SError was taken at EL2")
      if serror then
        local label = policy == "earliest" and "abort_guest_exit_start" or "abort_guest_exit_end"
        expect_eq(serror.elr, m:symbol(label), what .. "ELR_EL2 at the SError = " .. label)
        expect_eq(serror.offset, 0x380, what .. "current-EL SPx SError vector")
        expect_eq(serror.ec, 0x2f, what .. "ESR_EL2 of the SError itself")
      end
      expect_eq(first.raw, 1 << 31 | 2, what .. "exit code = SError bit | ARM_EXCEPTION_TRAP")
      expect(first.serror, what .. "the exit reports the SError")
      expect_eq(first.name, "TRAP", what .. "and the original reason")
      expect_eq(first.elr, guest_exc.elr, what .. "ELR_EL2 restored to the guest exit's")
      expect_eq(first.esr, guest_exc.esr, what .. "ESR_EL2 restored to the guest exit's")
      expect_eq(first.spsr, guest_exc.spsr, what .. "SPSR_EL2 restored to the guest exit's")
      expect_eq(first.ec, 0x24, what .. "the guest exit was its console store")
      expect_eq(r.serror_bit, 1, what .. "one exit with the SError bit")
      local a = m:async()[1]
      expect_eq(a.fate, "taken", what .. "fate")
      expect_eq(a.el, 2, what .. "taken at EL2")
    end
  end
end
