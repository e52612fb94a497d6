-- testdata/scenarios/05-mmio-console.lua: the guest's MMIO console writes
-- as stage-2 data aborts, on every hyp build.
--
-- Reasoning. The console at IPA 0x09000000 is not mapped at stage 2 (an
-- MMIO hole), so each guest store to it is a Data Abort from a lower EL
-- taken to EL2: EC 0x24 (DABT_LOW), IL = 1. A single-register store
-- without writeback gives a valid instruction syndrome (Arm ARM D17.2.37,
-- ISS for a Data Abort): ISV[24] = 1, SAS[23:22] = log2(size) = 0 for
-- STRB, SSE[21] = 0 (stores never sign-extend), SRT[20:16] = Rt, SF[15] =
-- 0 (Wt is a 32-bit register), AR[14] = 0 (no release), WnR[6] = 1, and
-- DFSC a stage-2 translation fault (elsim reports level 3, 0b000111).
-- FAR_EL2 holds the VA (= the IPA: the guest's MMU is off) and
-- HPFAR_EL2.FIPA (bits [43:4]) the IPA's bits [51:12]: 0x09000 << 4 =
-- 0x90000. The script checks each syndrome field against the STRB word at
-- ELR_EL2 (size, Rt) and reads the byte from the vcpu's copy of x<SRT> as
-- KVM's MMIO emulation does; the bytes must spell what the console shows:
-- "hello from the guest\n" (21 stores of w11 by the puts macro) and
-- "PASS\n" (5 stores of w10 by put_str).
local CONSOLE = 0x09000000

for _, hyp in ipairs{"hyp-v414.elf", "hyp-v56.elf", "hyp-v56-ras.elf"} do
  local m = elsim.world{hyp = hyp, guest = "guest-hello.elf"}
  local text, srt_count = {}, {}
  m:on_exit(function(e)
    if e.ec ~= 0x24 then return end
    local word = m:read32(e.elr)
    -- STRB (immediate, unsigned offset): 0011 1001 00 imm12 Rn Rt
    expect_eq(word & 0xffc00000, 0x39000000, hyp .. ": the access is an STRB")
    local rt, iss = word & 31, e.iss
    expect_eq(iss >> 24 & 1, 1, hyp .. ": ISV")
    expect_eq(iss >> 22 & 3, 0, hyp .. ": SAS = byte")
    expect_eq(iss >> 21 & 1, 0, hyp .. ": SSE")
    expect_eq(iss >> 16 & 31, rt, hyp .. ": SRT = the STRB's Rt")
    expect_eq(iss >> 15 & 1, 0, hyp .. ": SF (a W register)")
    expect_eq(iss >> 14 & 1, 0, hyp .. ": AR")
    expect_eq(iss >> 6 & 1, 1, hyp .. ": WnR = write")
    expect_eq(iss & 0x3f, 0x07, hyp .. ": DFSC = translation fault, level 3")
    expect_eq(e.esr, 0x24 << 26 | 1 << 25 | 1 << 24 | rt << 16 | 1 << 6 | 0x07, hyp .. ": ESR_EL2")
    expect_eq(e.far, CONSOLE, hyp .. ": FAR_EL2")
    expect_eq(e.hpfar, (CONSOLE >> 12) << 4, hyp .. ": HPFAR_EL2.FIPA")
    text[#text + 1] = string.char(m:guest_reg(rt) & 0xff)
    srt_count[rt] = (srt_count[rt] or 0) + 1
  end)

  local r = m:run()
  expect_eq(r.outcome, "poweroff", hyp .. ": outcome")
  expect_eq(table.concat(text), "hello from the guest\nPASS\n", hyp .. ": the bytes the syndromes point at")
  expect_eq(r.console, table.concat(text), hyp .. ": what the console printed")
  expect_eq(srt_count[11], 21, hyp .. ": stores of w11 (puts)")
  expect_eq(srt_count[10], 5, hyp .. ": stores of w10 (put_str)")
  expect_eq(r.trap_ec[0x24], 26, hyp .. ": DABT_LOW exits")
  expect_eq(r.mmio_writes, 26, hyp .. ": MMIO writes emulated")
end
