-- testdata/scenarios/13-virtual-serror.lua: the virtual SError KVM injects
-- after an EL1_SERROR exit is taken by the guest at EL1.
--
-- Reasoning. The serror guest stores to the test device; the harness
-- answers with a physical SError once the guest runs again. With AMO = 1
-- it is taken to EL2 (EL1_SERROR exit) and KVM pends a virtual SError:
-- HCR_EL2.VSE in the vcpu's HCR, and with RAS VSESR_EL2 = its syndrome
-- (KVM uses IDS = bit 24, an IMPLEMENTATION DEFINED syndrome). The next
-- entry loads that HCR. The guest has unmasked A, so at EL1 the virtual
-- SError (VSE, AMO set, TGE clear) is taken at once, to EL1 through
-- VBAR_EL1 + 0x380 (current EL, SP_ELx, SError), with ESR_EL1 = EC 0x2f,
-- IL = 1 and ISS = VSESR_EL2[24:0] (Arm ARM: a virtual SError taken with
-- RAS reports VSESR_EL2's syndrome); without RAS the ISS is 0. Taking it
-- clears HCR_EL2.VSE, and the cleared bit reaches the vcpu at the next
-- exit. A second RAS run has the script change VSESR_EL2 just before that
-- entry (0x1c0ffee): ESR_EL1 must follow it, not a fixed value.
local VSE = 1 << 8
local SERROR_EL1 = 0x2f << 26 | 1 << 25

local runs = {
  {hyp = "hyp-v414.elf", model = "generic"}, {hyp = "hyp-v56.elf", model = "generic"},
  {hyp = "hyp-v56-ras.elf", model = "generic"},
  {hyp = "hyp-v56-ras.elf", model = "generic", vsesr = 0x1c0ffee},
  {hyp = "hyp-v414.elf", model = "cortex-a53"}, {hyp = "hyp-v56.elf", model = "cortex-a53"},
}
for _, run in ipairs(runs) do
  local ras = run.model == "generic"
  local what = run.hyp .. " " .. run.model .. (run.vsesr and " VSESR set by the script" or "") .. ": "
  local m = elsim.world{hyp = run.hyp, guest = "guest-serror.elf", model = run.model}
  local state, vsesr, taken = "before", nil, nil
  m:on_exit(function(e)
    if e.name == "EL1_SERROR" then state = "injected" end
  end)
  m:on_return(function(ev)
    if state ~= "injected" or ev.el ~= 1 then return end
    state = "entered"
    expect_ne(m:sysreg("HCR_EL2") & VSE, 0, what .. "the entry loads HCR_EL2.VSE")
    if run.vsesr then m:set_sysreg("VSESR_EL2", run.vsesr) end
    vsesr = ras and m:sysreg("VSESR_EL2") or 0
  end)
  m:on_exception(function(ev)
    if ev.el == 1 and ev.kind == "serror" then
      taken = ev
      taken.hcr = m:sysreg("HCR_EL2")
    end
  end)

  local r = m:run()
  expect_eq(r.outcome, "poweroff", what .. "outcome")
  expect_eq(r.console, "ESR_EL1 EC 0x2f\nPASS\n", what .. "the guest's own report")
  expect_eq(r.exits.EL1_SERROR, 1, what .. "one EL1_SERROR exit")
  expect(taken ~= nil, what .. "the guest took the virtual SError")
  if taken then
    expect_eq(taken.from_el, 1, what .. "from EL1")
    expect_eq(taken.offset, 0x380, what .. "current-EL SPx SError vector")
    if run.vsesr then
      expect_eq(vsesr, run.vsesr, what .. "the script's VSESR_EL2")
    elseif ras then
      expect_eq(vsesr, 1 << 24, what .. "KVM's VSESR_EL2: IDS")
    end
    expect_eq(taken.esr, SERROR_EL1 | (vsesr & 0x1ffffff), what .. "ESR_EL1 = SError with VSESR_EL2's syndrome")
    expect_eq(taken.hcr & VSE, 0, what .. "taking it cleared HCR_EL2.VSE")
  end
  expect_eq(m:read64(m.vcpu + m.layout.vcpu_hcr) & VSE, 0, what .. "and the vcpu's HCR")
  local v
  for _, a in ipairs(m:async()) do if a.kind == "vserror" then v = a end end
  expect_eq(v and v.fate, "taken", what .. "the virtual SError's fate")
  expect_eq(v and v.el, 1, what .. "taken at EL1")
end
