// testdata/bare/window_earliest.S: the abort_guest_exit window with the
// `earliest` recognition policy: the SError is taken at the boundary right
// after the unmasking MSR, so ELR_EL2 = window_start (the ISB).
// ARGS --inject serror@pend_here --async-take earliest
// EXPECT stop=poweroff
// EXPECT x21=0x1
// EXPECT x22=0x0
// EXPECT x20=0xbe000011
#include "window.inc"
