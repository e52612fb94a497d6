-- testdata/scenarios/06-irq-in-guest.lua: a physical IRQ while the guest
-- runs, on every hyp build.
--
-- Reasoning. The harness runs the guest with HCR_EL2.IMO = 1, so a
-- physical IRQ is routed to EL2, and an interrupt routed to EL2 from EL1
-- is never masked by PSTATE.I (Arm ARM D1.3.6, the routing/masking table):
-- the guest's masked I does not matter. The IRQ is asserted when the
-- guest is about to execute the first instruction of `main`; it is taken
-- at that boundary, before the instruction, through VBAR_EL2 + 0x480
-- (lower EL, AArch64, IRQ) with ELR_EL2 = that instruction: the next one
-- the guest would have executed, none of it done (no guest instruction
-- retires between the exception and the guest's return to `main`).
-- el1_irq exits with ARM_EXCEPTION_IRQ (0); the harness (KVM) just
-- re-enters, and the guest runs on from ELR and finishes normally. A hook
-- on `main` fires once: when the instruction is about to execute, which is
-- only after the IRQ (at the first arrival the exception is taken instead),
-- and by then the guest has still retired only _start's 4 instructions
-- (adr, msr vbar_el1, isb, b main).
for _, hyp in ipairs{"hyp-v414.elf", "hyp-v56.elf", "hyp-v56-ras.elf"} do
  local m = elsim.world{hyp = hyp, guest = "guest-hello.elf"}
  local main = m:symbol("main")
  m:inject("irq", "main")
  local arrivals, irq_exit, irq_entry, resumed = 0, nil, nil, nil
  local at_irq, at_main
  m:on("main", function(hits)
    arrivals = hits
    if hits == 1 then at_main = m:insns(1) end
  end)
  m:on_exception(function(ev)
    if ev.kind == "irq" then
      irq_entry = ev
      at_irq = m:insns(1)
    end
  end)
  m:on_exit(function(e)
    if e.name == "IRQ" then irq_exit = e end
  end)
  m:on_return(function(ev)
    if irq_exit and not resumed and ev.el == 1 then resumed = ev.pc end
  end)

  local r = m:run()
  expect_eq(r.outcome, "poweroff", hyp .. ": outcome")
  expect_eq(r.exits.IRQ, 1, hyp .. ": one IRQ exit")
  expect(irq_entry ~= nil, hyp .. ": the IRQ was taken")
  if irq_entry then
    expect_eq(irq_entry.el, 2, hyp .. ": to EL2 (IMO)")
    expect_eq(irq_entry.from_el, 1, hyp .. ": from the guest")
    expect_eq(irq_entry.offset, 0x480, hyp .. ": lower-EL AArch64 IRQ vector")
    expect_eq(irq_entry.elr, main, hyp .. ": ELR_EL2 at the IRQ = main")
    expect_eq(irq_entry.spsr & 0x80, 0x80, hyp .. ": with the guest's PSTATE.I set")
  end
  expect(irq_exit ~= nil, hyp .. ": an IRQ exit")
  if irq_exit then
    expect_eq(irq_exit.raw, 0, hyp .. ": exit code ARM_EXCEPTION_IRQ")
    expect_eq(irq_exit.elr, main, hyp .. ": ELR_EL2 at the exit = the next guest instruction")
  end
  expect_eq(resumed, main, hyp .. ": the guest resumed at main")
  expect_eq(arrivals, 1, hyp .. ": main about to execute once, after the IRQ")
  expect_eq(at_irq, 4, hyp .. ": guest instructions retired at the IRQ: _start's")
  expect_eq(at_main, at_irq, hyp .. ": none between the IRQ and main")
  local a = m:async()
  expect_eq(#a, 1, hyp .. ": one asynchronous exception")
  expect_eq(a[1].fate, "taken", hyp .. ": taken")
  expect_eq(a[1].elr, main, hyp .. ": recorded ELR")
  expect_eq(r.console, "hello from the guest\nPASS\n", hyp .. ": the guest did not notice")
end
