// testdata/bare/window_latest.S: the abort_guest_exit window with the
// `latest` recognition policy: the SError is recognised only at the ISB
// (the context synchronization event), so ELR_EL2 = window_end.
// ARGS --inject serror@pend_here --async-take latest
// EXPECT stop=poweroff
// EXPECT x21=0x0
// EXPECT x22=0x1
// EXPECT x20=0xbe000011
#include "window.inc"
