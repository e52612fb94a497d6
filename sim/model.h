/* sim/model.h: CPU models as data: a Lua file in models/ naming the part,
 * its MIDR and the architecture features it implements. */
#ifndef SIM_MODEL_H
#define SIM_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "a64.h"

typedef struct sim_model {
    char name[64];
    uint64_t midr;
    uint64_t feat;       /* FEAT_BIT set */
    bool workaround[4];  /* SMCCC ARCH_WORKAROUND_n reported as needed */
    uint8_t async_policy; /* enum a64_async_policy (async_take = "earliest"|"latest") */
    a64_timing timing;    /* the `timing` table; one cycle everything when absent */
    uint64_t counter_hz;  /* CNTFRQ_EL0 */
} sim_model;

/* The folder holding the shipped models: $ELSIM_MODELS_DIR, else
 * BIN/../share/elsim/models beside an installed sim, else the source tree's. */
const char *model_dir(void);
/* The model names in model_dir() (file names without .lua), sorted, at most
 * max, each malloc'd; -1 if the folder cannot be read. */
int model_names(char **names, int max);
/* Load a model by name ("generic": models/generic.lua) or by path (a name
 * with '/' or ending in .lua). On failure err holds one line. */
bool model_load(const char *name_or_path, sim_model *out, char *err, size_t len);
/* "earliest"/"latest" to enum a64_async_policy; false if neither. */
bool model_policy(const char *name, uint8_t *policy);
/* Print the shipped models, one line each; returns how many (-1: no folder). */
int model_list(FILE *out);
/* Give the CPU the model's identity, features, ID registers and policy. */
void model_apply(const sim_model *mdl, a64_cpu *c);

#endif
