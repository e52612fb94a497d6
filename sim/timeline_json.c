/* sim/timeline_json.c: the timeline as Chrome trace-event JSON (the "Trace
 * Event Format" that Perfetto and chrome://tracing open): "M" metadata
 * naming the process and one thread per track, "X" complete events for
 * spans, "i" thread-scoped instants. ts and dur are CPU cycles, so the
 * viewer's microsecond is one cycle (stated in otherData). Each event is
 * built and written by jansson, one per line, in time order. */
#include <jansson.h>
#include <stdlib.h>

#include "timeline.h"

#define TL_PID 1

/* Thread ids: the track's lane position, from 1. */
static json_int_t tid_of(unsigned track) { return (json_int_t)track + 1; }

static json_t *metadata(const char *what, unsigned track, const char *key, json_t *value)
{
    json_t *e = json_pack("{s:s,s:s,s:i,s:I}", "name", what, "ph", "M", "pid", TL_PID, "tid", tid_of(track));
    json_object_set_new(e, "args", json_pack("{s:o}", key, value));
    return e;
}

static json_t *event_json(const sim_timeline *t, const tl_event *ev)
{
    json_t *e = json_object();
    json_object_set_new(e, "name", json_string(timeline_str(t, ev->name)));
    json_object_set_new(e, "cat", json_string(timeline_cat_names[ev->cat]));
    json_object_set_new(e, "ph", json_stringn((const char *)&ev->ph, 1));
    json_object_set_new(e, "pid", json_integer(TL_PID));
    json_object_set_new(e, "tid", json_integer(tid_of(ev->track)));
    json_object_set_new(e, "ts", json_integer((json_int_t)ev->ts));
    if (ev->ph == 'X')
        json_object_set_new(e, "dur", json_integer((json_int_t)ev->dur));
    else
        json_object_set_new(e, "s", json_string("t")); // an instant on its thread only
    json_t *args = json_object();
    for (unsigned i = 0; i < ev->nargs; i++) {
        const char *val;
        bool num;
        const char *key = timeline_arg(t, ev, i, &val, &num);
        json_object_set_new(args, key, num ? json_integer((json_int_t)strtoull(val, NULL, 10)) : json_string(val));
    }
    json_object_set_new(e, "args", args);
    return e;
}

static json_t *other_data(const sim_timeline *t, size_t nevents)
{
    json_t *o = json_object();
    json_object_set_new(o, "generator", json_string("elsim"));
    json_object_set_new(o, "time_unit", json_string("cycle"));
    json_object_set_new(o, "time_note",
                        json_string("ts and dur count CPU cycles of the timing model: the viewer's 1 us is "
                                    "1 cycle (1 ms = 1000 cycles)"));
    for (size_t i = 0; i < timeline_nmeta(t); i++) {
        const char *val;
        const char *key = timeline_meta_at(t, i, &val);
        json_object_set_new(o, key, json_string(val));
    }
    json_object_set_new(o, "cycles", json_integer((json_int_t)timeline_end_cycle(t)));
    json_object_set_new(o, "run_cycles", json_integer((json_int_t)timeline_run_cycles(t)));
    json_object_set_new(o, "events", json_integer((json_int_t)nevents));
    uint64_t cut = timeline_truncated_at(t);
    json_object_set_new(o, "truncated", json_boolean(cut != 0));
    if (cut)
        json_object_set_new(o, "truncated_at_cycle", json_integer((json_int_t)cut));
    return o;
}

/* One event per line: "  EVENT,\n" (no comma after the last). */
static bool put(json_t *e, FILE *out, bool *first)
{
    bool ok = fputs(*first ? "\n  " : ",\n  ", out) >= 0 &&
              json_dumpf(e, out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII) == 0;
    *first = false;
    json_decref(e);
    return ok;
}

bool timeline_write_json(sim_timeline *t, FILE *out)
{
    size_t n;
    const tl_event *ev = timeline_events(t, &n);
    json_t *head = other_data(t, n);
    bool ok = fputs("{\"displayTimeUnit\": \"ms\",\n \"otherData\": ", out) >= 0 &&
              json_dumpf(head, out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII) == 0 &&
              fputs(",\n \"traceEvents\": [", out) >= 0;
    json_decref(head);
    bool first = true;
    const char *mode = timeline_world_switch(t) ? "elsim world switch" : "elsim bare metal";
    ok = ok && put(metadata("process_name", 0, "name", json_string(mode)), out, &first);
    for (unsigned k = 0; ok && k < TL_TRACKS; k++) {
        if (!timeline_track_used(t, k))
            continue;
        ok = put(metadata("thread_name", k, "name", json_string(timeline_track_name(t, k))), out, &first) &&
             put(metadata("thread_sort_index", k, "sort_index", json_integer(k)), out, &first);
    }
    for (size_t i = 0; ok && i < n; i++)
        ok = put(event_json(t, &ev[i]), out, &first);
    return ok && fputs("\n]}\n", out) >= 0;
}
