/* sim/suggest.h: "did you mean" for a name that matched nothing: the few
 * closest names among the candidates offered (edit distance, then names
 * that contain the one asked for), in a stable order. */
#ifndef SIM_SUGGEST_H
#define SIM_SUGGEST_H

#include <stddef.h>

#define SUGGEST_MAX 3

typedef struct sim_suggest {
    const char *query;
    size_t qlen;
    unsigned cutoff;                 /* largest edit distance worth offering */
    const char *best[SUGGEST_MAX];   /* candidates, best first */
    unsigned score[SUGGEST_MAX];
    unsigned n;
} sim_suggest;

void suggest_init(sim_suggest *s, const char *query);
/* Consider one candidate (its string must outlive the sim_suggest). */
void suggest_offer(sim_suggest *s, const char *candidate);
/* " (did you mean 'a', 'b' or 'c'?)", or "" when nothing was close. */
const char *suggest_text(const sim_suggest *s, char *buf, size_t len);

#endif
