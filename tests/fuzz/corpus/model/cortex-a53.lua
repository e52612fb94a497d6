-- models/cortex-a53.lua: Arm Cortex-A53 (ARMv8.0-A, in-order), r0p4.
-- MIDR from the Cortex-A53 TRM (DDI 0500, MIDR_EL1: 0x410FD034).
-- ARMv8.0: no PAN, no LSE, no RAS. No SMCCC workaround is reported.
return {
  name = "cortex-a53",
  midr = 0x410fd034,
  features = { "EL2" },
  async_take = "earliest",
  smccc_workarounds = {},
  -- Timing, in-order single issue. Sources: LLVM's Cortex-A53 scheduling
  -- model (llvm/lib/Target/AArch64/AArch64SchedA53.td), which cites Arm's
  -- "Cortex-A53 Software Optimisation Specification - Instruction Timings"
  -- v1.0 spreadsheet; Arm has no public A53 optimization guide.
  timing = {
    clock_hz = 1152000000,       -- a typical A53 clock, 60 x the counter; an assumption
    counter_hz = 19200000,       -- a common board counter; an assumption
    latency = {
      alu = 1,     -- ALU results forward two cycles early (ReadAdvance 2 of 3)
      mul = 3,     -- MAC latency 4, operands read one cycle late (ReadAdvance 1)
      div = 4,     -- WriteID32/WriteID64 latency 4 in that model (optimistic)
      load = 3,    -- LoadLatency = 3 (bypassed)
      store = 1, atomic = 4,
      branch = 1,
      fp_load = 4, -- A53WriteVLD1
      fp_store = 1,
      fp_move = 6, -- WriteFCopy latency 6
      mrs = 1, msr = 1, dmb = 1, dsb = 4, isb = 1, hint = 1, sys = 1, exc = 1, eret = 1,
    },
    branch_taken = 1,
    exception_entry = 9,         -- the model's MispredictPenalty (a pipeline refill)
    eret = 9,
    isb = 9,
    store_buffer = { depth = 4, drain = 2 },  -- an assumption: not published
  },
}
