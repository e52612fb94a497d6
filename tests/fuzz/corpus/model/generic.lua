-- models/generic.lua: a generic ARMv8.2-A CPU with EL2, RAS and PAN and
-- no pointer authentication: what elsim runs when no model is named.
-- MIDR uses implementer 0x00 ("reserved for software use") because this is
-- no real part.
return {
  name = "generic",
  midr = 0x000f0000,
  features = { "EL2", "PAN", "UAO", "LSE", "RAS", "IESB", "CRC32" },
  -- when a pending interrupt is recognised after an unmasking MSR:
  -- "earliest" (next instruction) or "latest" (next context synchronization)
  async_take = "earliest",
  -- SMCCC ARCH_WORKAROUND_n the firmware reports as needed
  smccc_workarounds = {},
  -- Timing: round numbers for a generic in-order core, not any real part:
  -- one cycle for simple ALU work, a 4-cycle L1 load, a 10-cycle pipeline
  -- refill for exception entry, ERET and ISB, and a small store buffer.
  timing = {
    clock_hz = 1000000000,       -- 1 GHz core clock
    counter_hz = 100000000,      -- 100 MHz generic counter (CNTFRQ_EL0)
    latency = {
      alu = 1, mul = 3, div = 12, load = 4, store = 1, atomic = 8, branch = 1,
      fp_load = 4, fp_store = 1, fp_move = 2, mrs = 1, msr = 1,
      dmb = 4, dsb = 8, isb = 1, hint = 1, sys = 2, exc = 1, eret = 1,
    },
    branch_taken = 1,            -- fetch redirect (no branch predictor is modelled)
    exception_entry = 10,
    eret = 10,
    isb = 10,
    store_buffer = { depth = 8, drain = 2 },
    -- writes to the registers that change translation or traps serialize
    sysreg = {
      HCR_EL2 = { write = 10 }, VTTBR_EL2 = { write = 10 }, SCTLR_EL1 = { write = 10 },
      SCTLR_EL2 = { write = 10 }, VBAR_EL2 = { write = 4 }, CPTR_EL2 = { write = 6 },
      ISR_EL1 = { read = 4 }, DISR_EL1 = { read = 4 },
    },
  },
}
