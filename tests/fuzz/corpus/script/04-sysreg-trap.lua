-- testdata/scenarios/04-sysreg-trap.lua: trapped SCTLR_EL1 writes, on
-- every hyp build.
--
-- Reasoning. The harness runs the guest with HCR_EL2.TVM = 1, which traps
-- EL1 writes of the virtual-memory control registers (SCTLR_EL1 among
-- them) to EL2 with EC 0x18 (trapped MSR/MRS/system instruction). Its ISS
-- (Arm ARM D17.2.37, ISS encoding for EC 0x18) is Op0[21:20], Op2[19:17],
-- Op1[16:14], CRn[13:10], Rt[9:5], CRm[4:1], Direction[0] (0 = write).
-- SCTLR_EL1 is (3, 0, 1, 0, 0), so ESR_EL2 = 0x18 << 26 | IL | 0x300400 |
-- Rt << 5 = 0x62300400 | Rt << 5. The sysreg-trap guest writes it from
-- x1, x7, x20 and x30, in that order, so the four syndromes are fixed; the
-- script also derives each one from the MSR word at ELR_EL2 (MSR encodes
-- o0, op1, CRn, CRm, op2 and Rt in bits [19:0]) so the check does not
-- depend on the guest's source. ELR_EL2 is the MSR itself (a trap's
-- preferred return address is the trapped instruction). The hyp's
-- el1_trap exits with ARM_EXCEPTION_TRAP; the harness (KVM's
-- kvm_handle_sys_reg) writes SCTLR_EL1 from the guest's Rt and steps the
-- guest's PC past the MSR, so the next entry ERETs to ELR + 4 with
-- SCTLR_EL1 holding the value. Exits in all: 4 traps, "PASS\n" (5 console
-- bytes) and SYSTEM_OFF = 10 TRAP exits.
local function msr_iss(word)
  -- MSR (register): 1101 0101 0001 o0 op1 CRn CRm op2 Rt
  assert((word >> 20) == 0xd51, "not an MSR (register)")
  local op0 = 2 + ((word >> 19) & 1)
  local op1, crn, crm = (word >> 16) & 7, (word >> 12) & 15, (word >> 8) & 15
  local op2, rt = (word >> 5) & 7, word & 31
  return op0 << 20 | op2 << 17 | op1 << 14 | crn << 10 | rt << 5 | crm << 1 | 0, rt
end

for _, hyp in ipairs{"hyp-v414.elf", "hyp-v56.elf", "hyp-v56-ras.elf"} do
  local m = elsim.world{hyp = hyp, guest = "guest-sysreg-trap.elf"}
  local traps, pending = {}, nil
  m:on_exit(function(e)
    if e.ec ~= 0x18 then return end
    expect_eq(e.name, "TRAP", hyp .. ": a sysreg trap is a TRAP exit")
    local iss, rt = msr_iss(m:read32(e.elr))
    expect_eq(e.iss, iss, hyp .. ": ISS from the MSR at ELR_EL2")
    traps[#traps + 1] = {esr = e.esr, rt = rt}
    pending = {elr = e.elr, value = m:guest_reg(rt)}
  end)
  m:on_return(function(ev)
    if not pending or ev.el ~= 1 then return end
    expect_eq(ev.pc, pending.elr + 4, hyp .. ": the harness stepped past the MSR")
    expect_eq(m:sysreg("SCTLR_EL1"), pending.value, hyp .. ": SCTLR_EL1 holds the value written")
    pending = nil
  end)

  local r = m:run()
  expect_eq(r.outcome, "poweroff", hyp .. ": outcome")
  expect_eq(r.console, "PASS\n", hyp .. ": the guest's own checks")
  expect_eq(#traps, 4, hyp .. ": four trapped writes")
  local rts = {1, 7, 20, 30}
  for i, t in ipairs(traps) do
    expect_eq(t.rt, rts[i], hyp .. ": write " .. i .. " Rt")
    expect_eq(t.esr, 0x62300400 | rts[i] << 5, hyp .. ": write " .. i .. " ESR_EL2")
  end
  expect_eq(r.exits.TRAP, 10, hyp .. ": TRAP exits")
  expect_eq(r.trap_ec[0x18], 4, hyp .. ": EC 0x18 exits")
  expect_eq(r.sysreg_emulated, 4, hyp .. ": writes emulated")
end
