/* sim/report.h: the end-of-run summary, as text for people and as JSON
 * (jansson) for tools: why the run stopped, the final state, dumps. */
#ifndef SIM_REPORT_H
#define SIM_REPORT_H

#include <stdio.h>

#include "machine.h"
#include "options.h"

/* The exit status a stop reason maps to. */
int report_exit_status(int stop);
/* A short phrase for a stop reason ("PSCI SYSTEM_OFF"). */
const char *report_stop_name(int stop);
void report_text(FILE *out, sim_machine *m, const sim_options *o);
/* The asynchronous-exception records (and unfired injections). */
void report_async_text(FILE *out, sim_machine *m, const sim_options *o);
struct json_t;
struct json_t *report_async_json(sim_machine *m);
/* Returns false if the JSON could not be written. */
bool report_json(FILE *out, sim_machine *m, const sim_options *o);

#endif
