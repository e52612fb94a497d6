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
}
