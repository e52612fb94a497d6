-- testdata/scenarios/07-serror-in-guest.lua: a physical SError while the
-- guest runs, on every hyp build.
--
-- Reasoning. The harness runs the guest with HCR_EL2.AMO = 1, so a
-- physical SError is routed to EL2, and, routed to EL2 from EL1, it is not
-- masked by PSTATE.A (Arm ARM D1.3.6): the hello guest never unmasks A,
-- yet the SError is taken at the boundary where it is asserted (the first
-- instruction of `main`), through VBAR_EL2 + 0x580 (lower EL, AArch64,
-- SError), with ESR_EL2 = EC 0x2f, IL = 1 and the syndrome the source
-- gave it (here ISS = 0x1000123: IDS set, an IMPLEMENTATION DEFINED
-- value, passed through unchanged) and ELR_EL2 = that instruction.
-- el1_error exits with ARM_EXCEPTION_EL1_SERROR (1), without the SError
-- bit: nothing was pending at EL2. KVM then pends a virtual SError for
-- the guest (HCR_EL2.VSE in the vcpu's HCR); the hello guest keeps A
-- masked, so it stays pending to the end.
local ISS = 0x1000123

for _, hyp in ipairs{"hyp-v414.elf", "hyp-v56.elf", "hyp-v56-ras.elf"} do
  local m = elsim.world{hyp = hyp, guest = "guest-hello.elf"}
  local main = m:symbol("main")
  m:inject("serror", "main", {esr = ISS})
  local entry, exit
  m:on_exception(function(ev)
    if ev.kind == "serror" then entry = ev end
  end)
  m:on_exit(function(e)
    if e.name ~= "TRAP" then
      expect(exit == nil, hyp .. ": only one non-TRAP exit")
      exit = e
      expect_ne(e.hcr & (1 << 5), 0, hyp .. ": the guest ran with HCR_EL2.AMO")
    end
  end)

  local r = m:run()
  expect_eq(r.outcome, "poweroff", hyp .. ": outcome")
  expect(entry ~= nil, hyp .. ": the SError was taken")
  if entry then
    expect_eq(entry.el, 2, hyp .. ": to EL2")
    expect_eq(entry.from_el, 1, hyp .. ": from the guest")
    expect_eq(entry.offset, 0x580, hyp .. ": lower-EL AArch64 SError vector")
    expect_eq(entry.esr, 0x2f << 26 | 1 << 25 | ISS, hyp .. ": ESR_EL2 = SError with the syndrome")
    expect_eq(entry.elr, main, hyp .. ": ELR_EL2 = the interrupted instruction")
    expect_eq(entry.spsr & 0x100, 0x100, hyp .. ": although the guest's PSTATE.A was set")
  end
  expect(exit ~= nil, hyp .. ": an EL1_SERROR exit")
  if exit then
    expect_eq(exit.name, "EL1_SERROR", hyp .. ": exit reason")
    expect_eq(exit.raw, 1, hyp .. ": exit code 1, no SError bit")
  end
  expect_eq(r.exits.EL1_SERROR, 1, hyp .. ": one EL1_SERROR exit")
  expect_eq(r.serror_bit, 0, hyp .. ": no SError bit")
  local a = m:async()
  expect_eq(#a, 2, hyp .. ": the SError and KVM's virtual one")
  expect_eq(a[1].kind, "serror", hyp .. ": first record")
  expect_eq(a[1].fate, "taken", hyp .. ": taken")
  expect_eq(a[1].el, 2, hyp .. ": at EL2")
  expect_eq(a[2].kind, "vserror", hyp .. ": second record")
  expect_eq(a[2].fate, "pending", hyp .. ": still pending: the guest never unmasks A")
  expect_ne(m:read64(m.vcpu + m.layout.vcpu_hcr) & (1 << 8), 0, hyp .. ": HCR_EL2.VSE in the vcpu")
end
