-- testdata/scenarios/10-irq-before-entry.lua: an IRQ already pending when
-- __guest_enter starts, on v5.6 (both builds) and, for contrast, v4.14.
--
-- Reasoning. The IRQ is asserted as the first __guest_enter begins, with
-- PSTATE at EL2 fully masked (as after the host's HVC) and the guest's
-- HCR_EL2 (IMO = 1) already loaded. v5.6 reads ISR_EL1 before loading the
-- guest: with IMO = 1 at EL2, ISR_EL1.I shows the physical IRQ (Arm ARM:
-- ISR_EL1 reports the physical interrupt when the routing bit routes it to
-- EL2 and the PE is at EL2), so it returns ARM_EXCEPTION_IRQ (0) at once:
-- no ERET into the guest, no guest instruction, no exception; the IRQ is
-- left pending for the host, which is KVM's point (take the interrupt in
-- the host instead of entering a guest that would exit immediately).
-- v4.14 has no such check: it ERETs into the guest, and at the guest's
-- first boundary the IRQ (routed to EL2, unmaskable from EL1) is taken,
-- ELR_EL2 = the guest's entry point, before any guest instruction, and
-- el1_irq exits with the same code. Either way the harness re-enters and
-- the guest runs to completion: one more entry than exits of the guest's
-- own (31 instead of 30).
for _, hyp in ipairs{"hyp-v56.elf", "hyp-v56-ras.elf", "hyp-v414.elf"} do
  local v56 = hyp ~= "hyp-v414.elf"
  local m = elsim.world{hyp = hyp, guest = "guest-hello.elf"}
  m:inject("irq", "__guest_enter")
  local first, erets, excs, guest_insns
  erets, excs = 0, {}
  m:on_return(function(ev)
    if not first and ev.el == 1 then erets = erets + 1 end
  end)
  m:on_exception(function(ev)
    if not first then excs[#excs + 1] = ev end
  end)
  m:on_exit(function(e)
    if not first then
      first = e
      guest_insns = m:insns(1)
    end
  end)

  local r = m:run()
  expect_eq(r.outcome, "poweroff", hyp .. ": outcome")
  expect_eq(first.name, "IRQ", hyp .. ": the first exit is ARM_EXCEPTION_IRQ")
  expect_eq(first.raw, 0, hyp .. ": exit code 0")
  expect_eq(guest_insns, 0, hyp .. ": no guest instruction executed")
  local a = m:async()[1]
  if v56 then
    expect_eq(erets, 0, hyp .. ": no ERET into the guest")
    expect_eq(#excs, 0, hyp .. ": no exception taken")
    expect_eq(a.fate, "host", hyp .. ": the IRQ is left to the host")
  else
    expect_eq(erets, 1, hyp .. ": v4.14 enters the guest")
    expect_eq(#excs, 1, hyp .. ": and takes the IRQ there")
    expect_eq(excs[1].kind, "irq", hyp .. ": an IRQ")
    expect_eq(excs[1].elr, m:symbol("_start"), hyp .. ": at the guest's first instruction")
    expect_eq(a.fate, "taken", hyp .. ": taken at EL2")
  end
  expect_eq(r.exits.IRQ, 1, hyp .. ": one IRQ exit")
  expect_eq(r.entries, 31, hyp .. ": one entry more than the guest's 30 exits need")
end
