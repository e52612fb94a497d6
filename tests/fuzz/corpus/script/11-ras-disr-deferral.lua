-- testdata/scenarios/11-ras-disr-deferral.lua: on the RAS v5.6 build, an
-- SError pending when the guest traps is deferred by the vector's ESB.
--
-- Reasoning. The generic model implements RAS. The SError is asserted as
-- the guest's first trap (its first console store) arrives at the
-- lower-EL synchronous vector, whose first instruction is `esb`. Exception
-- entry set PSTATE.A, and at EL2 an SError routed to EL2 is masked by A,
-- so ESB does not take it: with RAS, ESB defers a pending masked physical
-- SError into DISR_EL1 (A = bit 31 set, the syndrome in the low bits:
-- here ISS 0x11, the architected "asynchronous SError" DFSC) and it is no
-- longer pending (ISR_EL1.A = 0). The RAS build of __guest_exit reads
-- DISR_EL1, stores it in the vcpu's fault_disr slot, clears DISR_EL1 and
-- sets bit 31 of the exit code: exit = 1 << 31 | ARM_EXCEPTION_TRAP. It
-- never unmasks SErrors, so there is no window: neither guest_exit_window
-- nor abort_guest_exit_start runs and no exception is taken at EL2 from
-- EL2. Every other exit stores DISR_EL1 = 0 into the slot.
local ISS = 0x11
local m = elsim.world{hyp = "hyp-v56-ras.elf", guest = "guest-hello.elf", model = "generic"}
local vec = m:symbol("__kvm_hyp_vector") + 0x400
m:inject("serror", vec, {esr = ISS})
local slot = m.vcpu + m.layout.vcpu_fault_disr
local after_esb, hits, el2_serrors, exits = nil, {window = 0, label = 0}, 0, {}
m:on(vec + 4, function()
  if after_esb == nil then
    after_esb = {disr = m:sysreg("DISR_EL1"), isr = m:sysreg("ISR_EL1")}
  end
end)
m:on("guest_exit_window", function() hits.window = hits.window + 1 end)
m:on("abort_guest_exit_start", function() hits.label = hits.label + 1 end)
m:on_exception(function(ev)
  if ev.from_el == 2 then el2_serrors = el2_serrors + 1 end
end)
m:on_exit(function(e)
  exits[#exits + 1] = {raw = e.raw, slot = m:read64(slot), disr = m:sysreg("DISR_EL1")}
end)

local r = m:run()
expect_eq(r.outcome, "poweroff", "outcome")
expect_eq(after_esb.disr, 1 << 31 | ISS, "DISR_EL1 after the vector's ESB")
expect_eq(after_esb.isr & 0x100, 0, "ISR_EL1.A: no longer pending")
expect_eq(exits[1].raw, 1 << 31 | 2, "first exit: SError bit | ARM_EXCEPTION_TRAP")
expect_eq(exits[1].slot, 1 << 31 | ISS, "vcpu fault_disr holds the deferred syndrome")
expect_eq(exits[1].disr, 0, "DISR_EL1 cleared by __guest_exit")
for i = 2, #exits do
  expect_eq(exits[i].raw >> 31, 0, "exit " .. i .. " has no SError bit")
  expect_eq(exits[i].slot, 0, "exit " .. i .. " stores an empty DISR_EL1")
end
expect_eq(hits.window, 0, "the window is never opened")
expect_eq(hits.label, 0, "abort_guest_exit_start never runs")
expect_eq(el2_serrors, 0, "no exception taken at EL2 from EL2")
local a = m:async()[1]
expect_eq(a.fate, "deferred", "the SError's fate")
expect_eq(a.el, 2, "deferred at EL2")
expect_eq(r.serror_bit, 1, "one exit with the SError bit")
