-- models/generic.lua: a generic ARMv8.1 CPU with EL2 and no RAS: what
-- elsim runs when no model is named. Values follow the Arm ARM's ID register
-- fields; MIDR uses implementer 0x00 ("reserved for software use") because
-- this is no real part.
return {
  name = "generic",
  midr = 0x000f0000,
  features = { "EL2", "PAN", "LSE" },
  -- SMCCC workarounds the firmware reports as needed (ARCH_FEATURES)
  smccc_workarounds = {},
}
