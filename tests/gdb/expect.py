# tests/gdb/expect.py: checks for the scripted gdb-multiarch sessions.
# `expect A == B` (or !=) evaluates both sides in GDB; `get-sysreg NAME`
# reads a system register through `monitor sysreg` into $sr;
# `expect-monitor CMD :: REGEX` matches a monitor command's output;
# `expect-unreadable ADDR` wants a memory error; `expect-done` prints the
# tally the test driver looks for. Each check prints PASS: or FAIL:.
import re

import gdb

MASK = (1 << 64) - 1
tally = {"checks": 0, "failed": 0}


def report(ok, what, detail=""):
    tally["checks"] += 1
    if not ok:
        tally["failed"] += 1
    print(("PASS: " if ok else "FAIL: ") + what + ("" if ok else "   " + detail))


def value(expr):
    return int(gdb.parse_and_eval(expr)) & MASK


class Expect(gdb.Command):
    """expect LHS == RHS | LHS != RHS"""

    def __init__(self):
        super().__init__("expect", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        op = "!=" if "!=" in arg else "=="
        lhs, rhs = arg.split(op, 1)
        a, b = value(lhs), value(rhs)
        report((a == b) == (op == "=="), arg.strip(), "(left 0x%x, right 0x%x)" % (a, b))


class GetSysreg(gdb.Command):
    """get-sysreg NAME: $sr = the register's value, from `monitor sysreg NAME`"""

    def __init__(self):
        super().__init__("get-sysreg", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        name = arg.strip()
        out = gdb.execute("monitor sysreg " + name, to_string=True)
        m = re.search(r"^%s\s+0x([0-9a-f]+)" % re.escape(name), out, re.M | re.I)
        if not m:
            report(False, "monitor sysreg " + name, "(output: %r)" % out)
            gdb.set_convenience_variable("sr", -1)
            return
        gdb.set_convenience_variable("sr", int(m.group(1), 16))


class ExpectMonitor(gdb.Command):
    """expect-monitor CMD :: REGEX"""

    def __init__(self):
        super().__init__("expect-monitor", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        cmd, rx = (s.strip() for s in arg.split("::", 1))
        out = gdb.execute("monitor " + cmd, to_string=True)
        report(re.search(rx, out, re.M) is not None, "monitor %s matches /%s/" % (cmd, rx), "(output: %r)" % out)


class ExpectUnreadable(gdb.Command):
    """expect-unreadable ADDR: reading 8 bytes there is a memory error"""

    def __init__(self):
        super().__init__("expect-unreadable", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        try:
            gdb.selected_inferior().read_memory(value(arg), 8)
            report(False, "memory at %s is unreadable" % arg.strip(), "(it was read)")
        except gdb.MemoryError:
            report(True, "memory at %s is unreadable" % arg.strip())


class ExpectDone(gdb.Command):
    """expect-done: the tally"""

    def __init__(self):
        super().__init__("expect-done", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        print("expect-done: %d checks, %d failed" % (tally["checks"], tally["failed"]))


Expect()
GetSysreg()
ExpectMonitor()
ExpectUnreadable()
ExpectDone()
