/* sim/suggest.c: close-match suggestions for names that matched nothing. */
#include "suggest.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define MAX_NAME 128 /* longer names are compared by containment only */

void suggest_init(sim_suggest *s, const char *query)
{
    memset(s, 0, sizeof *s);
    s->query = query;
    s->qlen = strlen(query);
    // a third of the name, at least 1, at most 4: "gest_exit" finds "guest_exit"
    s->cutoff = (unsigned)(s->qlen / 3);
    if (s->cutoff < 1)
        s->cutoff = 1;
    if (s->cutoff > 4)
        s->cutoff = 4;
}

static int fold(char ch) { return tolower((unsigned char)ch); }

/* Case-insensitive edit distance counting a swap of neighbours as one edit
 * ("mian" -> "main"), or cutoff + 1 once it must exceed the cutoff. */
static unsigned distance(const char *a, size_t na, const char *b, size_t nb, unsigned cutoff)
{
    unsigned rows[3][MAX_NAME + 1]; // rows i-2, i-1, i, rotating
    for (size_t j = 0; j <= nb; j++)
        rows[1][j] = (unsigned)j;
    for (size_t i = 1; i <= na; i++) {
        unsigned *cur = rows[(i + 1) % 3], *prev = rows[i % 3], *prev2 = rows[(i + 2) % 3];
        cur[0] = (unsigned)i;
        unsigned least = cur[0];
        for (size_t j = 1; j <= nb; j++) {
            unsigned cost = fold(a[i - 1]) != fold(b[j - 1]);
            unsigned v = prev[j - 1] + cost;
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1]) &&
                prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
            if (v < least)
                least = v;
        }
        if (least > cutoff)
            return cutoff + 1;
    }
    return rows[(na + 1) % 3][nb];
}

static unsigned score_of(const sim_suggest *s, const char *c)
{
    size_t n = strlen(c);
    if (s->qlen <= MAX_NAME && n <= MAX_NAME) {
        size_t diff = n > s->qlen ? n - s->qlen : s->qlen - n;
        if (diff <= s->cutoff) {
            unsigned d = distance(s->query, s->qlen, c, n, s->cutoff);
            if (d <= s->cutoff)
                return d;
        }
    }
    // a longer name holding the query ("guest_exit" in "__kvm_nvhe___guest_exit"):
    // after every edit-distance match, shorter extensions first
    if (s->qlen >= 3 && n > s->qlen && strstr(c, s->query))
        return s->cutoff + 1 + (unsigned)(n - s->qlen > 1000 ? 1000 : n - s->qlen);
    return ~0u;
}

void suggest_offer(sim_suggest *s, const char *c)
{
    if (!c || !*c || strcmp(c, s->query) == 0)
        return;
    for (unsigned k = 0; k < s->n; k++)
        if (strcmp(s->best[k], c) == 0)
            return; // the same name in two images
    unsigned sc = score_of(s, c);
    if (sc == ~0u)
        return;
    // keep the best SUGGEST_MAX, ordered by score then name (deterministic)
    unsigned i = s->n;
    while (i > 0 && (s->score[i - 1] > sc || (s->score[i - 1] == sc && strcmp(s->best[i - 1], c) > 0)))
        i--;
    if (i >= SUGGEST_MAX)
        return;
    unsigned last = s->n < SUGGEST_MAX ? s->n : SUGGEST_MAX - 1;
    for (unsigned k = last; k > i; k--) {
        s->best[k] = s->best[k - 1];
        s->score[k] = s->score[k - 1];
    }
    s->best[i] = c;
    s->score[i] = sc;
    if (s->n < SUGGEST_MAX)
        s->n++;
}

const char *suggest_text(const sim_suggest *s, char *buf, size_t len)
{
    if (!len)
        return buf;
    buf[0] = 0;
    if (!s->n)
        return buf;
    size_t at = (size_t)snprintf(buf, len, " (did you mean");
    for (unsigned i = 0; i < s->n && at < len; i++) {
        const char *sep = i == 0 ? " " : i + 1 == s->n ? " or " : ", ";
        at += (size_t)snprintf(buf + at, len - at, "%s'%s'", sep, s->best[i]);
    }
    if (at < len)
        snprintf(buf + at, len - at, "?)");
    return buf;
}
