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
}
