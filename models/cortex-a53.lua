-- models/cortex-a53.lua: Arm Cortex-A53 (ARMv8.0-A, in-order), r0p4.
-- MIDR from the Cortex-A53 TRM (DDI 0500, MIDR_EL1: 0x410FD034).
-- ARMv8.0: no PAN, no LSE, no RAS. No SMCCC workaround is reported.
return {
  name = "cortex-a53",
  midr = 0x410fd034,
  features = { "EL2" },
  async_take = "earliest",
  smccc_workarounds = {},
}
