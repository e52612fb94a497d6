/* sim/sweep_svg.h: a sweep as a heat strip (`sim sweep ... --svg FILE`). */
#ifndef SIM_SWEEP_SVG_H
#define SIM_SWEEP_SVG_H

#include <stdbool.h>
#include <stdio.h>

#include "sweep_out.h"

/* One cell per instruction boundary of the range (a row per policy when
 * exploring), coloured by outcome class, labelled with symbol+offset, with
 * the point's full result as its tooltip and a legend. False on a write
 * error. */
bool sweep_svg_write(const sweep_report *r, FILE *out);

#endif
