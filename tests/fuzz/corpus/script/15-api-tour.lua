-- testdata/scenarios/15-api-tour.lua: the scripting API itself (the calls
-- the other scenarios use less), on the bare arith program and on a world
-- switch: stepping, instruction/cycle/n-th-hit hooks, stopping from a hook,
-- memory and system registers, injecting and clearing, snapshots.
--
-- Reasoning for the values. bare_arith.elf starts at _start at EL2 and its
-- first loop is `mov x19, #0; mov x1, #100; 1: add x19, x19, x1; subs x1,
-- x1, #1; b.ne 1b`: the ADD at _start + 8 runs 100 times, and when it is
-- about to run the k-th time x1 = 101 - k and x19 = 100 + 99 + ... + (102 -
-- k); for k = 50: x1 = 51, x19 = (100 + 52) * 49 / 2 = 3724. The program
-- ends with x19 = 5050 and PSCI SYSTEM_OFF (outcome poweroff, status 0).
-- At EL2 with HCR_EL2.IMO = 0 a physical IRQ is not routed to EL2 and so is
-- never taken there: it stays pending, which ISR_EL1.I shows, until cleared.
-- A snapshot taken mid-run and restored gives back the same registers,
-- counters and (in world mode) harness state, and running on from it gives
-- the same end as the first time.
local m = elsim.bare{elf = "bare_arith.elf"}
local start = m:symbol("_start")
expect_eq(m:pc(), start, "starts at the ELF entry")
expect_eq(m:el(), 2, "at EL2")
expect_eq(m:symbolize(start + 8), "_start+0x8", "symbolize")

-- step
expect(m:step(2), "two instructions")
expect_eq(m:insns(), 2, "instructions retired")
expect_eq(m:pc(), start + 8, "at the loop's ADD")
expect_eq(m:reg("x1"), 100, "x1 = 100")

-- the n-th execution of an instruction, and stopping a run from a hook
local at50
m:on(start + 8, function(hits)
  at50 = {hits = hits, x1 = m:reg("x1"), x19 = m:reg("x19")}
  m:stop()
end, {hit = 50})
local r = m:run()
expect_eq(r.outcome, "running", "m:stop() ended the run call early")
expect_eq(at50.hits, 50, "hook on the 50th execution")
expect_eq(at50.x1, 51, "x1 before the 50th ADD")
expect_eq(at50.x19, 3724, "x19 before the 50th ADD")
expect_eq(m:pc(), start + 8, "stopped at the ADD")

-- a snapshot here, then instruction and cycle hooks
local snap = m:snapshot()
local insn_at, cycle_at, insn_want = nil, nil, m:insns() + 10
m:at_insn(insn_want, function(n) insn_at = n end)
m:at_cycle(m:cycles() + 25, function(c) cycle_at = c end)
local c0 = m:cycles()
r = m:run()
expect_eq(r.outcome, "poweroff", "outcome")
expect_eq(r.status, 0, "status")
expect_eq(m:reg("x19"), 5050, "x19 = 1 + ... + 100")
expect_eq(insn_at, insn_want, "at_insn fires at exactly that instruction count")
expect(cycle_at ~= nil and cycle_at >= c0 + 25, "at_cycle fires once the cycle count is reached")
local final = {insns = r.insns, cycles = r.cycles, x21 = m:reg("x21")}
expect(not m:step(1), "no stepping past the end")
expect(not m:run_to(start), "run_to after the end: not reached")

-- restore: back to the 50th ADD, and the same end again
m:restore(snap)
expect_eq(m:pc(), start + 8, "restored pc")
expect_eq(m:reg("x19"), 3724, "restored x19")
expect_eq(m:result().outcome, "running", "restored: the run has not ended")
r = m:run()
expect_eq(r.outcome, "poweroff", "outcome after restore")
expect_eq(r.insns, final.insns, "same instruction count")
expect_eq(r.cycles, final.cycles, "same cycle count")
expect_eq(m:reg("x21"), final.x21, "same result")

-- memory and system registers
local RAM = 0x40200000
m:write64(RAM, 0x0123456789abcdef)
expect_eq(m:read32(RAM), 0x89abcdef, "little-endian read32")
expect_eq(m:read8(RAM + 7), 0x01, "read8")
m:write(RAM + 8, "elsim")
expect_eq(m:read(RAM + 8, 5), "elsim", "bytes")
local ok, err = pcall(m.read64, m, 0x1000)
expect(not ok and err:find("not memory") ~= nil, "reading where no memory is raises an error")
m:set_sysreg("tpidr_el2", 0x5eed)
expect_eq(m:sysreg("TPIDR_EL2"), 0x5eed, "system register write and read (any case)")
m:set_vreg(3, 1, 2)
local lo, hi = m:vreg(3)
expect(lo == 1 and hi == 2, "vector register")

-- inject now, and clear
local b = elsim.bare{elf = "bare_arith.elf"}
b:inject("irq")
b:step(1)
expect_ne(b:sysreg("ISR_EL1") & 0x80, 0, "ISR_EL1.I: the IRQ is pending at EL2 (not routed there)")
expect_eq(b:async()[1].fate, "pending", "recorded as pending")
b:clear("irq")
expect_eq(b:sysreg("ISR_EL1") & 0x80, 0, "cleared")
expect_eq(b:run().status, 0, "the program is not disturbed")

-- world mode: a snapshot at the first exit restores the harness too
local w = elsim.world{hyp = "hyp-v56.elf", guest = "guest-hello.elf"}
expect(w:run_to("__guest_exit"), "the first exit")
local ws = w:snapshot()
local r1 = w:run()
w:restore(ws)
expect_eq(w:result().exits.TRAP, 0, "restored: no exit handled yet")
expect_eq(w:result().entries, 1, "restored: one entry")
local r2 = w:run()
expect_eq(r2.outcome, "poweroff", "world outcome after restore")
expect_eq(r2.exits.TRAP, r1.exits.TRAP, "same exits")
expect_eq(r2.insns, r1.insns, "same instructions")
expect_eq(w.fw.calls, 0, "no firmware calls (PSCI goes to the harness)")
