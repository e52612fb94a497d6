-- tests/kernel/hyp-panic.lua: a hyp panic in the real Linux 6.1 code, run
-- with `sim --script hyp-panic.lua --elf vmlinux` (label kernel).
--
-- Reasoning. On a CPU without RAS (cortex-a53) an SError asserted when
-- __guest_exit starts stays pending, masked at EL2, until the exit path
-- unmasks aborts for its window; it is taken at abort_guest_exit_start
-- (ELR_EL2), into el2_error, which calls kvm_unexpected_el2_exception.
-- That C function walks __kvm_ex_table for an entry whose instruction is
-- ELR_EL2 and, finding the window's entry, returns to its fix-up (the run
-- goes on: kernel.serror_window). Here the script first breaks that entry
-- (its relative instruction offset set to 0, so it names itself, a data
-- address no ELR can hold): the walk finds nothing and the function sets
-- ELR_EL2 to __guest_exit_panic ("trigger a panic after restoring the hyp
-- context"); the ERET goes there, the hyp context is restored through the
-- exit path with the return address set to hyp_panic, and hyp_panic is
-- reached: the harness stops with outcome "panic", exit status 3, and a
-- register dump.
local m = elsim.world{guest = "guest-hello.elf", model = "cortex-a53"}
local start = m:symbol("__kvm_nvhe_abort_guest_exit_start")
local tbl, tend = m:symbol("__kvm_nvhe___start___kvm_ex_table"), m:symbol("__kvm_nvhe___stop___kvm_ex_table")
expect(tend > tbl, "the hyp exception table is not empty")

local function s32(v) return v >= 0x80000000 and v - 0x100000000 or v end
local broken = 0
for p = tbl, tend - 4, 4 do
  if p + s32(m:read32(p)) == start then
    m:write32(p, 0)
    broken = broken + 1
  end
end
expect_eq(broken, 1, "one __kvm_ex_table entry names abort_guest_exit_start")

m:inject("serror", "__kvm_nvhe___guest_exit")
local serror, panic_elr, via_panic_path
m:on_exception(function(ev)
  if ev.from_el == 2 and ev.kind == "serror" then serror = ev end
end)
m:on("__kvm_nvhe___guest_exit_panic", function() via_panic_path = m:sysreg("ELR_EL2") end)
m:on("__kvm_nvhe_hyp_panic", function() panic_elr = m:sysreg("ELR_EL2") end)

local r = m:run()
expect_eq(serror and serror.elr, start, "the SError is taken in the window, at abort_guest_exit_start")
expect_eq(via_panic_path, m:symbol("__kvm_nvhe___guest_exit_panic"),
          "kvm_unexpected_el2_exception found no fix-up and returned to __guest_exit_panic")
expect(panic_elr ~= nil, "hyp_panic is reached")
expect_eq(r.outcome, "panic", "outcome")
expect_eq(r.status, 3, "a hyp panic is exit status 3")
expect_eq(m:async()[1].fate, "taken", "the SError was taken")
-- the summary with the harness's register dump (the ctest checks it)
m:report()
