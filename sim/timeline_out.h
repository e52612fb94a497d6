/* sim/timeline_out.h: the command line's timeline files (--timeline,
 * --timeline-svg): opened before the run so a bad path fails at once,
 * written when it ends. */
#ifndef SIM_TIMELINE_OUT_H
#define SIM_TIMELINE_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "machine.h"
#include "options.h"
#include "timeline.h"

typedef struct timeline_out {
    sim_timeline *tl; /* NULL: neither option given */
    FILE *json, *svg;
    const char *json_path, *svg_path;
} timeline_out;

/* Open the files the options name and attach a timeline to m (a bare run
 * starts its first span at the CPU's PC). False with a one-line err. */
bool timeline_out_open(timeline_out *to, const sim_options *o, sim_machine *m, char *err, size_t len);
/* The run ended (why): write and close the files, detach the timeline. */
bool timeline_out_close(timeline_out *to, sim_machine *m, const char *why, char *err, size_t len);

#endif
