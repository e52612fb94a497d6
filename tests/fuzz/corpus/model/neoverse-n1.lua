-- models/neoverse-n1.lua: Arm Neoverse N1 (ARMv8.2-A with RAS), r3p1.
-- MIDR from the Neoverse N1 TRM (MIDR_EL1: 0x414FD0C1 for r4p1; r3p1 is
-- 0x413FD0C1). Features used here: PAN, UAO, LSE, RAS with IESB,
-- SSBS, CRC32. Which SMCCC workarounds firmware reports is a run parameter here:
-- none by default.
return {
  name = "neoverse-n1",
  midr = 0x413fd0c1,
  features = { "EL2", "PAN", "UAO", "LSE", "RAS", "IESB", "SSBS", "CRC32" },
  async_take = "earliest",
  smccc_workarounds = {},
  -- Timing: N1 is out of order; elsim's pipeline is in order, so these are
  -- the N1's result latencies applied in order. Sources: LLVM's Neoverse N1
  -- scheduling model (llvm/lib/Target/AArch64/AArch64SchedNeoverseN1.td),
  -- which cites Arm's "Neoverse N1 Software Optimization Guide".
  timing = {
    clock_hz = 2500000000,       -- a typical N1 server clock; an assumption
    counter_hz = 100000000,
    latency = {
      alu = 1,     -- ALU basic, 1 cycle
      mul = 2,     -- multiply accumulate (W), 2 cycles (X: 4)
      div = 12,    -- divide (W) 12 cycles (X: 20)
      load = 4,    -- load register, immediate offset: 4
      store = 1, atomic = 4,
      branch = 1,
      fp_load = 5, fp_store = 1, fp_move = 2,
      mrs = 1, msr = 1, dmb = 1, dsb = 4, isb = 1, hint = 1, sys = 1, exc = 1, eret = 1,
    },
    branch_taken = 1,
    exception_entry = 11,        -- the model's MispredictPenalty (a pipeline refill)
    eret = 11,
    isb = 11,
    store_buffer = { depth = 8, drain = 1 },  -- an assumption: not published
  },
}
