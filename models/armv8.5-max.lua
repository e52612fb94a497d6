-- models/armv8.5-max.lua: an invented ARMv8.5-A CPU with the optional
-- features elsim models turned on together, to exercise them as one CPU:
-- RAS with IESB, PAN, UAO, LSE, CRC32, SSBS, DIT, pointer authentication
-- (PAUTH: QARMA5, with PACGA), SB, BTI and MTE, with EL2. ARMv8.5 because
-- it is the first version that has all of them (BTI, MTE and SB are
-- ARMv8.5 features). VHE and LOR stay off, so EL2 is the non-VHE EL2 the
-- other models have.
-- No such part exists: MIDR implementer 0x00 ("reserved for software
-- use"), architecture 0xf (features are in the ID registers), part
-- number 0x085, variant and revision 0.
return {
  name = "armv8.5-max",
  midr = 0x000f0850,
  features = { "EL2", "PAN", "UAO", "LSE", "RAS", "IESB", "CRC32", "SSBS", "DIT",
               "PAUTH", "SB", "BTI", "MTE" },
  async_take = "earliest",
  smccc_workarounds = {},
}
