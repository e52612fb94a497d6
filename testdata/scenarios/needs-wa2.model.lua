-- testdata/scenarios/needs-wa2.model.lua: the generic CPU of
-- models/generic.lua, but one whose firmware reports that it needs SMCCC
-- ARCH_WORKAROUND_2 (a speculative-store-bypass mitigation toggled per
-- vCPU), for 02-smccc-workarounds.lua. No timing table: one cycle per
-- instruction is enough for a scenario that counts calls, not cycles.
return {
  name = "generic-needs-wa2",
  midr = 0x000f0000,
  features = { "EL2", "PAN", "UAO", "LSE", "RAS", "IESB", "CRC32" },
  async_take = "earliest",
  smccc_workarounds = { 2 },
}
