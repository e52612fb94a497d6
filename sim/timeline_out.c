/* sim/timeline_out.c: opening, writing and closing the timeline files of a
 * command-line run, with the run's facts as the files' metadata. */
#include "timeline_out.h"

#include <errno.h>
#include <string.h>

static bool open_file(FILE **f, const char *path, char *err, size_t len)
{
    if (!path)
        return true;
    *f = fopen(path, "w");
    if (!*f) {
        snprintf(err, len, "%s: cannot write the timeline: %s", path, strerror(errno));
        return false;
    }
    return true;
}

static void describe(sim_timeline *tl, const sim_options *o)
{
    timeline_meta(tl, "mode", o->guest ? "world-switch" : "bare-metal");
    timeline_meta(tl, o->guest ? "hyp" : "elf", o->elf);
    if (o->guest)
        timeline_meta(tl, "guest", o->guest);
    timeline_meta(tl, "model", o->model);
    if (o->async_take)
        timeline_meta(tl, "async_take", o->async_take);
    char inj[256] = "";
    for (unsigned i = 0; i < o->ninject; i++) {
        size_t used = strlen(inj);
        snprintf(inj + used, sizeof inj - used, "%s%s", i ? " " : "", o->inject[i].spec);
    }
    if (o->ninject)
        timeline_meta(tl, "inject", inj);
}

bool timeline_out_open(timeline_out *to, const sim_options *o, sim_machine *m, char *err, size_t len)
{
    memset(to, 0, sizeof *to);
    if (!o->timeline && !o->timeline_svg)
        return true;
    to->json_path = o->timeline;
    to->svg_path = o->timeline_svg;
    if (!open_file(&to->json, o->timeline, err, len))
        return false;
    if (!open_file(&to->svg, o->timeline_svg, err, len)) {
        if (to->json)
            fclose(to->json);
        return false;
    }
    to->tl = timeline_new(o->guest != NULL);
    if (!to->tl) {
        snprintf(err, len, "out of memory");
        return false;
    }
    describe(to->tl, o);
    m->timeline = to->tl;
    if (!o->guest)
        timeline_begin(to->tl, m);
    return true;
}

/* Write with `fn` and close; the error names the file. */
static bool finish_file(FILE *f, const char *path, bool (*fn)(sim_timeline *, FILE *), sim_timeline *tl,
                        char *err, size_t len)
{
    if (!f)
        return true;
    bool ok = fn(tl, f);
    ok = !ferror(f) && ok;
    int saved = errno;
    if (fclose(f) != 0 || !ok) {
        snprintf(err, len, "%s: cannot write the timeline: %s", path, strerror(ok ? errno : saved));
        return false;
    }
    return true;
}

bool timeline_out_close(timeline_out *to, sim_machine *m, const char *why, char *err, size_t len)
{
    if (!to->tl)
        return true;
    timeline_finish(to->tl, m, why);
    m->timeline = NULL;
    char other[256]; // the first failure is the one reported; the other file is still closed
    bool ok = finish_file(to->json, to->json_path, timeline_write_json, to->tl, err, len);
    ok = finish_file(to->svg, to->svg_path, timeline_write_svg, to->tl, ok ? err : other,
                     ok ? len : sizeof other) && ok;
    timeline_free(to->tl);
    to->tl = NULL;
    return ok;
}
