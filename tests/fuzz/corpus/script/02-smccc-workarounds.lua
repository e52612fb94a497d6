-- testdata/scenarios/02-smccc-workarounds.lua: the SMCCC ARCH_WORKAROUND_1
-- and _2 fast paths of the hyp's EL2 vector, on every hyp build, with a CPU
-- model that needs no firmware call and one that needs WORKAROUND_2.
--
-- Reasoning. The workaround guest makes 20 ARCH_WORKAROUND_1 calls and 20
-- pairs of ARCH_WORKAROUND_2 (x1 = 1, then x1 = 0), all as HVC #0. Each is
-- an exception to EL2 (EC 0x16) that el1_sync answers itself: it compares
-- w0 with the two function ids and ERETs to the instruction after the HVC
-- with x0 = 0 (SMCCC_RET_SUCCESS), so none of the 60 calls is an exit: the
-- run has only the 5 console-byte exits of "PASS\n" (DABT_LOW) and the
-- SYSTEM_OFF HVC, 6 TRAP exits with one HVC among them. WORKAROUND_2 also
-- records the guest's request in the vcpu (workaround_flags bit 0 = x1 != 0,
-- as KVM's vcpu_set_wa2 does) and, only when the CPU needs it
-- (arm64_ssbd_callback_required, which the harness sets from the model's
-- smccc_workarounds), forwards the call to firmware with `smc #0`. SMC at
-- EL2 goes to EL3, which the firmware model answers: m.fw.calls counts
-- them: 40 with the needs-wa2 model, none with the generic one.
-- WORKAROUND_1 never calls firmware here: the host has already applied the
-- branch-predictor hardening and the hyp answers at once.
local WA1, WA2 = 0x80008000, 0x80007fff

for _, hyp in ipairs{"hyp-v414.elf", "hyp-v56.elf", "hyp-v56-ras.elf"} do
  for _, model in ipairs{"generic", "needs-wa2.model.lua"} do
    local what = hyp .. " " .. model .. ": "
    local needs = model ~= "generic"
    local m = elsim.world{hyp = hyp, guest = "guest-workaround.elf", model = model}
    local L = m.layout
    expect_eq(m:read64(L.ssbd_flag), needs and 1 or 0, what .. "arm64_ssbd_callback_required")

    local exits, call, counts, wa2_smc = 0, nil, {[WA1] = 0, [WA2] = 0}, 0
    m:on_exit(function(e)
      exits = exits + 1
      local fid = m:guest_reg(0) & 0xffffffff
      expect(fid ~= WA1 and fid ~= WA2, what .. "no workaround call exits")
    end)
    m:on_exception(function(ev)
      local fid = m:reg("x0") & 0xffffffff
      if ev.from_el == 1 and ev.ec == 0x16 and (fid == WA1 or fid == WA2) then
        call = {fid = fid, x1 = m:reg("x1"), elr = ev.elr, exits = exits, fw = m.fw.calls}
      end
    end)
    m:on_return(function(ev)
      if not call or ev.el ~= 1 then return end
      counts[call.fid] = counts[call.fid] + 1
      expect_eq(exits, call.exits, what .. "answered without an exit")
      expect_eq(ev.pc, call.elr, what .. "back at the instruction after the HVC")
      expect_eq(m:reg("x0"), 0, what .. "x0 = SMCCC_RET_SUCCESS")
      local fw = m.fw.calls - call.fw
      if call.fid == WA2 then
        local flags = m:read64(m.vcpu + L.vcpu_workaround_flags)
        expect_eq(flags & 1, call.x1 ~= 0 and 1 or 0, what .. "vcpu WORKAROUND_2 flag follows x1")
        expect_eq(fw, needs and 1 or 0, what .. "firmware calls for this WORKAROUND_2")
        if needs then
          expect_eq(m.fw.last_fid, WA2, what .. "the firmware call was WORKAROUND_2")
        end
        wa2_smc = wa2_smc + fw
      else
        expect_eq(fw, 0, what .. "WORKAROUND_1 calls no firmware")
      end
      call = nil
    end)

    local r = m:run()
    expect_eq(r.outcome, "poweroff", what .. "outcome")
    expect_eq(r.console, "PASS\n", what .. "the guest's verdict")
    expect_eq(counts[WA1], 20, what .. "WORKAROUND_1 calls answered in the hyp")
    expect_eq(counts[WA2], 40, what .. "WORKAROUND_2 calls answered in the hyp")
    expect_eq(r.exits.TRAP, 6, what .. "TRAP exits: 5 console bytes and SYSTEM_OFF")
    expect_eq(r.trap_ec[0x16], 1, what .. "HVC exits: SYSTEM_OFF only")
    expect_eq(wa2_smc, needs and 40 or 0, what .. "SMCs to firmware")
    expect_eq(r.fw_calls, needs and 40 or 0, what .. "firmware calls in all")
  end
end
