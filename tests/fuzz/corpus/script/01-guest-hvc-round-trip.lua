-- testdata/scenarios/01-guest-hvc-round-trip.lua: one guest HVC through
-- the world switch, on every hyp build.
--
-- Reasoning. The guest is reduced to `hvc #0` followed by a PSCI
-- SYSTEM_OFF: the script overwrites the hello guest's first instructions
-- and gives the guest's x0-x30 distinct values through the vcpu, which
-- __guest_enter loads before its ERET. With HCR_EL2.TGE clear an HVC from
-- EL1 is taken to EL2 (Arm ARM D1.10: "HVC ... generates an exception
-- taken to EL2") with EC 0x16 (HVC64), IL = 1 and ISS = imm16 = 0, so
-- ESR_EL2 = 0x5a000000, and ELR_EL2 is the preferred return address of an
-- HVC, the instruction after it. The hyp's el1_sync sees VTTBR_EL2 != 0
-- (a guest) and a function id that is not a fast-path workaround, so it
-- exits with ARM_EXCEPTION_TRAP (2): exactly one TRAP exit. At that exit
-- the vcpu must hold every guest register as it was at the HVC (x0/x1 from
-- the stack, x2-x30 saved by __guest_exit). The harness answers the test
-- call with x0 = x1 + 1 and re-enters; back at EL1 at the instruction after
-- the HVC, x1-x30 and SP_EL1 must be what the guest had: the hyp restored
-- all of them, including its own context pointer (x18 in 4.14, x29 in 5.6).
local ELSIM_HVC_TEST = 0xc6000001
local HVC0 = 0xd4000002
-- w0 = PSCI SYSTEM_OFF (0x84000008): movz w0, #0x8; movk w0, #0x8400, lsl #16
local MOVZ_W0_8, MOVK_W0_8400 = 0x52800100, 0x72b08000

local function pattern(n) return 0x5a00000000000000 | (n << 40) | (n * 0x01010101) end

for _, hyp in ipairs{"hyp-v414.elf", "hyp-v56.elf", "hyp-v56-ras.elf"} do
  local m = elsim.world{hyp = hyp, guest = "guest-hello.elf"}
  local base = m:symbol("_start")
  for i, w in ipairs{HVC0, MOVZ_W0_8, MOVK_W0_8400, HVC0} do
    m:write32(base + 4 * (i - 1), w)
  end
  local want = {[0] = ELSIM_HVC_TEST}
  for n = 1, 30 do want[n] = pattern(n) end
  for n = 0, 30 do m:set_guest_reg(n, want[n]) end

  local entries, exits = {}, {}
  m:on_exception(function(ev) entries[#entries + 1] = ev end)
  m:on_exit(function(e)
    exits[#exits + 1] = e
    if #exits == 1 then
      for n = 0, 30 do expect_eq(m:guest_reg(n), want[n], hyp .. ": vcpu x" .. n .. " at the exit") end
    end
  end)

  expect(m:run_to(base + 4), hyp .. ": back after the HVC")
  expect_eq(m:el(), 1, hyp .. ": at EL1")
  expect_eq(#exits, 1, hyp .. ": exits so far")
  local e = exits[1]
  expect_eq(e.name, "TRAP", hyp .. ": exit reason")
  expect_eq(e.ec, 0x16, hyp .. ": ESR_EL2.EC (HVC64)")
  expect_eq(e.esr, 0x5a000000, hyp .. ": ESR_EL2")
  expect_eq(e.elr, base + 4, hyp .. ": ELR_EL2 = the instruction after the HVC")
  expect_eq(#entries, 1, hyp .. ": one exception (the HVC) so far")
  expect_eq(entries[1].el, 2, hyp .. ": the HVC went to EL2")
  expect_eq(entries[1].offset, 0x400, hyp .. ": through the lower-EL AArch64 synchronous vector")

  expect_eq(m:reg("x0"), want[1] + 1, hyp .. ": x0 = the harness's answer (x1 + 1)")
  for n = 1, 30 do expect_eq(m:reg(n), want[n], hyp .. ": x" .. n .. " preserved") end
  expect_eq(m:reg("sp_el1"), 0x4e000000, hyp .. ": SP_EL1 preserved")

  local r = m:result()
  expect_eq(r.exits.TRAP, 1, hyp .. ": one TRAP exit")
  expect_eq(r.trap_ec[0x16], 1, hyp .. ": it was the HVC")
  expect_eq(r.hvc_test_calls, 1, hyp .. ": one test call answered")

  r = m:run()
  expect_eq(r.outcome, "poweroff", hyp .. ": then SYSTEM_OFF")
  expect_eq(r.status, 0, hyp .. ": status")
  expect_eq(r.exits.TRAP, 2, hyp .. ": the HVC and SYSTEM_OFF")
  expect_eq(r.exits.IRQ + r.exits.EL1_SERROR + r.exits.IL, 0, hyp .. ": no other exit")
end
