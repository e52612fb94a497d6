-- testdata/scenarios/03-host-hvc-stub.lua: the host's HVC into the hyp
-- (no guest loaded: VTTBR_EL2 = 0), driving the hyp's vector directly.
--
-- Reasoning. A bare machine loads only the hyp, at EL1 with HCR_EL2.RW = 1
-- (an AArch64 host kernel), VBAR_EL2 = __kvm_hyp_vector, an EL2 stack and
-- VTTBR_EL2 = 0, with no firmware HVC conduit, so `hvc #0` at EL1 is taken
-- to EL2 (EC 0x16, ESR_EL2 0x5a000000, ELR_EL2 = the next instruction)
-- through the lower-EL AArch64 synchronous vector (VBAR_EL2 + 0x400). The
-- script writes a two-instruction "host" into RAM: `hvc #0; b .`.
-- el1_sync sees VTTBR_EL2 == 0 and takes el1_host_hvc, never the guest
-- exit path. In it x0 < HVC_STUB_HCALL_NR (3) is a hyp-stub call, which
-- this hyp does not offer: it answers x0 = HVC_STUB_ERR (0xbadca11) and
-- ERETs, with x1 restored from the stack. x0 >= 3 is a hyp function's
-- address: it is called at EL2 with x0-x2 = the host's x1-x3 and its
-- result returned in x0, the host's x30 surviving the BLR (the hyp saves
-- it). Both paths ERET to EL1 at the instruction after the HVC, with the
-- EL2 stack balanced. The function is written by the script too:
-- `add x0, x0, x1; ret`, so x1 = 40, x2 = 2 gives 42.
local HOST, FN, STACK = 0x40010000, 0x40011000, 0x40070000
local HVC0, B_SELF = 0xd4000002, 0x14000000
local ADD_X0_X0_X1, RET = 0x8b010000, 0xd65f03c0
local LR = 0x1e1e1e1e1e1e1e1e

for _, hyp in ipairs{"hyp-v414.elf", "hyp-v56.elf", "hyp-v56-ras.elf"} do
  local m = elsim.bare{elf = hyp, el = 1, firmware_hvc = false}
  m:write32(HOST, HVC0)
  m:write32(HOST + 4, B_SELF)
  m:write32(FN, ADD_X0_X0_X1)
  m:write32(FN + 4, RET)
  m:set_sysreg("VBAR_EL2", m:symbol("__kvm_hyp_vector"))
  m:set_sysreg("VTTBR_EL2", 0)
  m:set_sysreg("TPIDR_EL2", 0)
  m:set_reg("sp_el2", STACK)
  m:set_reg("pc", HOST)

  local entries, hits = {}, {stub = 0, trap = 0, exit = 0, fn = 0}
  m:on_exception(function(ev) entries[#entries + 1] = ev end)
  m:on("el1_host_hvc", function() hits.stub = hits.stub + 1 end)
  m:on("el1_trap", function() hits.trap = hits.trap + 1 end)
  m:on("__guest_exit", function() hits.exit = hits.exit + 1 end)
  m:on(FN, function()
    hits.fn = hits.fn + 1
    expect_eq(m:el(), 2, hyp .. ": the function runs at EL2")
    expect_eq(m:reg("x0"), 40, hyp .. ": its x0 is the host's x1")
    expect_eq(m:reg("x1"), 2, hyp .. ": its x1 is the host's x2")
  end)

  -- a stub call: x0 = 1 (below HVC_STUB_HCALL_NR)
  m:set_reg("x0", 1)
  m:set_reg("x1", 0x1111)
  m:set_reg("x30", LR)
  expect(m:run_to(HOST + 4), hyp .. ": back after the stub call")
  expect_eq(m:el(), 1, hyp .. ": at EL1")
  expect_eq(m:reg("x0"), 0xbadca11, hyp .. ": x0 = HVC_STUB_ERR")
  expect_eq(m:reg("x1"), 0x1111, hyp .. ": x1 restored")
  expect_eq(m:reg("x30"), LR, hyp .. ": x30 untouched")
  expect_eq(m:reg("sp_el2"), STACK, hyp .. ": EL2 stack balanced")
  expect_eq(#entries, 1, hyp .. ": one exception")
  expect_eq(entries[1].el, 2, hyp .. ": taken to EL2")
  expect_eq(entries[1].offset, 0x400, hyp .. ": lower-EL AArch64 synchronous vector")
  expect_eq(entries[1].esr, 0x5a000000, hyp .. ": ESR_EL2 = HVC64, imm 0")
  expect_eq(entries[1].elr, HOST + 4, hyp .. ": ELR_EL2 = the instruction after the HVC")
  expect_eq(hits.stub, 1, hyp .. ": el1_host_hvc ran")

  -- a function call: x0 = FN, arguments in x1-x3
  m:set_reg("pc", HOST)
  m:set_reg("x0", FN)
  m:set_reg("x1", 40)
  m:set_reg("x2", 2)
  m:set_reg("x3", 7)
  expect(m:run_to(HOST + 4), hyp .. ": back after the function call")
  expect_eq(m:el(), 1, hyp .. ": at EL1 again")
  expect_eq(hits.fn, 1, hyp .. ": the function ran once")
  expect_eq(m:reg("x0"), 42, hyp .. ": x0 = the function's result")
  expect_eq(m:reg("x30"), LR, hyp .. ": the host's x30 survived the BLR")
  expect_eq(m:reg("sp_el2"), STACK, hyp .. ": EL2 stack balanced")
  expect_eq(hits.stub, 2, hyp .. ": el1_host_hvc ran again")
  expect_eq(hits.trap + hits.exit, 0, hyp .. ": never the guest exit path")
  expect_eq(m.fw.calls, 0, hyp .. ": no firmware call")
end
