-- testdata/scenarios/14-lazy-fpsimd.lua: the lazy FP/SIMD switch of the
-- v4.14 hyp (and, sharing its code, the v5.6 builds).
--
-- Reasoning. The harness enters the guest with CPTR_EL2.TFP = 1, so the
-- guest's first FP/SIMD instruction (the fpsimd guest sets CPACR_EL1.FPEN
-- first, so EL1 itself does not trap) is trapped to EL2 with EC 0x07 and
-- ELR_EL2 = that instruction: the first LDP of Q registers in set_ldp,
-- after its ADR. el1_sync sends EC 0x07 to el1_fpsimd, which clears TFP,
-- saves the host's V0-V31/FPSR/FPCR into the host context, loads the
-- guest's from the vcpu and ERETs to the same instruction: no exit, and
-- the instruction now runs. At most one FP trap per entry (TFP stays clear
-- until the host takes the registers back). After an exit, the host side
-- (the harness, as KVM's C code) sees TFP clear, saves the guest's
-- registers into the vcpu and reloads the host's, setting TFP again, so
-- the host's values are back in the CPU before every __guest_enter and at
-- the end, and the vcpu holds the guest's. The guest checks its own values
-- after every exit and prints PASS; exits: 8 test HVCs, "PASS\n" and
-- SYSTEM_OFF = 14 TRAP exits, none of them EC 0x07.
local TFP = 1 << 10

local function host_v(n) return 0x4054000000000000 | n, 0x4054100000000000 | n end

for _, hyp in ipairs{"hyp-v414.elf", "hyp-v56.elf", "hyp-v56-ras.elf"} do
  local m = elsim.world{hyp = hyp, guest = "guest-fpsimd.elf"}
  for n = 0, 31 do m:set_vreg(n, host_v(n)) end
  m:set_sysreg("FPCR", 0x00c00000) -- RMode = round towards zero
  m:set_sysreg("FPSR", 0x08000010) -- QC, IXC
  local host_fpcr, host_fpsr = m:sysreg("FPCR"), m:sysreg("FPSR")

  local exits, traps, first_trap, traps_this_entry, max_per_entry = 0, 0, nil, 0, 0
  local guest_v0, entries_checked, pending, saved_checked = nil, 0, nil, 0
  m:on_exception(function(ev)
    if ev.from_el == 1 and ev.ec == 0x07 then
      traps = traps + 1
      traps_this_entry = traps_this_entry + 1
      if traps_this_entry > max_per_entry then max_per_entry = traps_this_entry end
      if not first_trap then first_trap = {elr = ev.elr, exits = exits} end
      pending = {elr = ev.elr, exits = exits}
    end
  end)
  m:on_return(function(ev)
    if not pending then return end
    expect_eq(ev.el, 1, hyp .. ": the FP trap returns to the guest")
    expect_eq(ev.pc, pending.elr, hyp .. ": to the trapped instruction")
    expect_eq(exits, pending.exits, hyp .. ": without an exit")
    expect_eq(m:sysreg("CPTR_EL2") & TFP, 0, hyp .. ": with TFP clear")
    pending = nil
  end)
  m:on_exit(function(e)
    exits = exits + 1
    traps_this_entry = 0
    if m:sysreg("CPTR_EL2") & TFP == 0 then guest_v0 = {m:vreg(0)} end
  end)
  m:on("__guest_enter", function()
    entries_checked = entries_checked + 1
    expect_ne(m:sysreg("CPTR_EL2") & TFP, 0, hyp .. ": guest enters with TFP set")
    for n = 0, 31 do
      local lo, hi = m:vreg(n)
      local wlo, whi = host_v(n)
      if lo ~= wlo or hi ~= whi then
        expect_eq(lo, wlo, hyp .. ": host v" .. n .. " before entry " .. entries_checked)
        break
      end
    end
    expect_eq(m:sysreg("FPCR"), host_fpcr, hyp .. ": host FPCR")
    expect_eq(m:sysreg("FPSR"), host_fpsr, hyp .. ": host FPSR")
    if guest_v0 then
      local fp = m.vcpu + m.layout.vcpu_context + m.layout.cpu_fp_regs
      expect_eq(m:read64(fp), guest_v0[1], hyp .. ": the vcpu holds the guest's v0 (low)")
      expect_eq(m:read64(fp + 8), guest_v0[2], hyp .. ": the vcpu holds the guest's v0 (high)")
      guest_v0 = nil
      saved_checked = saved_checked + 1
    end
  end)

  local r = m:run()
  expect_eq(r.outcome, "poweroff", hyp .. ": outcome")
  expect_eq(r.console, "PASS\n", hyp .. ": the guest's FP values survived every exit")
  expect_eq(first_trap and first_trap.elr, m:symbol("set_ldp") + 4, hyp .. ": the first trap is the first LDP Q")
  expect_eq(first_trap and first_trap.exits, 0, hyp .. ": in the first guest run")
  expect(traps >= 1, hyp .. ": FP traps taken")
  expect_eq(max_per_entry, 1, hyp .. ": at most one FP trap per entry")
  expect_eq(r.exits.TRAP, 14, hyp .. ": TRAP exits")
  expect_eq(r.trap_ec[0x07], 0, hyp .. ": no FP trap reached the harness")
  expect_eq(r.trap_ec[0x16], 9, hyp .. ": 8 test HVCs and SYSTEM_OFF")
  expect(saved_checked >= 1, hyp .. ": the guest's saved FP state was checked")
  expect_eq(entries_checked, r.entries, hyp .. ": host FP state checked before every entry")
  for n = 0, 31 do
    local lo, hi = m:vreg(n)
    local wlo, whi = host_v(n)
    expect(lo == wlo and hi == whi, hyp .. ": host v" .. n .. " intact at the end")
  end
  expect_eq(m:sysreg("FPCR"), host_fpcr, hyp .. ": host FPCR at the end")
  expect_eq(m:sysreg("FPSR"), host_fpsr, hyp .. ": host FPSR at the end")
end
