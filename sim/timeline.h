/* sim/timeline.h: a run's timeline (--timeline, --timeline-svg): spans of
 * execution per exception level and for the host harness, and instants for
 * asynchronous exceptions and firmware calls, stamped in CPU cycles and
 * recorded only at exception entries, ERETs and the harness's own steps. */
#ifndef SIM_TIMELINE_H
#define SIM_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct sim_machine;
struct sim_async_record;

/* At most this many events are kept; past it recording stops (the writers
 * say where) so a long run cannot take the host's memory. */
#define TL_MAX_EVENTS 200000
#define TL_MAX_DEPTH 16  /* open spans per track */
#define TL_MAX_FRAMES 16 /* suspended lower-EL contexts */
#define TL_MAX_ARGS 8

/* Tracks, in the order their lanes are shown (top to bottom). */
enum tl_track { TL_HOST, TL_EL3, TL_EL2, TL_EL1, TL_EL0, TL_TRACKS };

/* What a span or instant is: the category of the trace event, and the
 * colour in the SVG. */
enum tl_cat {
    TL_CAT_GUEST,      /* a stretch of guest execution (EL1/EL0) */
    TL_CAT_RUN,        /* a stretch of bare-metal execution at one EL */
    TL_CAT_HYP_ENTRY,  /* __guest_enter: host call to the ERET into the guest */
    TL_CAT_HYP_EXIT,   /* exception from the guest into EL2, to its ERET or the return to the host */
    TL_CAT_EXCEPTION,  /* any other exception: entry to its ERET */
    TL_CAT_HOST,       /* the host's call of __guest_enter, to its return */
    TL_CAT_HOST_WORK,  /* the harness handling an exit (KVM's handle_exit) */
    TL_CAT_FIRMWARE,   /* an SMC (or HVC conduit) answered by the EL3 model */
    TL_CAT_ASSERTED,   /* an asynchronous exception asserted */
    TL_CAT_TAKEN,      /* ... taken */
    TL_CAT_DEFERRED,   /* ... deferred by an ESB */
    TL_CAT_TO_HOST,    /* ... left pending to the host */
    TL_CAT_PENDING,    /* ... still pending when the run ended */
    TL_CAT_END,        /* why the run ended */
    TL_CATS
};
extern const char *const timeline_cat_names[TL_CATS];
extern const char *const timeline_cat_titles[TL_CATS];

typedef struct tl_arg {
    const char *key; /* a string literal */
    bool num;        /* an integer (val holds its decimal digits) */
    char val[88];
} tl_arg;

typedef struct tl_args {
    unsigned n;
    tl_arg a[TL_MAX_ARGS];
} tl_args;

/* Add a string (printf-style) or integer argument; extra ones are dropped. */
void tl_arg_str(tl_args *a, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void tl_arg_num(tl_args *a, const char *key, uint64_t v);
void tl_arg_hex(tl_args *a, const char *key, uint64_t v);

/* One recorded event: a complete span ('X', ts..ts+dur) or an instant ('i'). */
typedef struct tl_event {
    uint64_t ts, dur;
    uint32_t name, args; /* offsets into the string pool */
    uint32_t seq;        /* recording order (ties in the sort) */
    uint8_t ph, track, cat, nargs;
} tl_event;

typedef struct sim_timeline sim_timeline;

/* A timeline for a world-switch run (with the host track) or a bare one. */
sim_timeline *timeline_new(bool world_switch);
void timeline_free(sim_timeline *t);
/* Free-form facts for the file's metadata (otherData), e.g. "hyp". */
void timeline_meta(sim_timeline *t, const char *key, const char *value);

/* ---- recording: the machine calls these (machine.c) ---- */
void timeline_entry(sim_timeline *t, struct sim_machine *m, unsigned from_el);
void timeline_eret(sim_timeline *t, struct sim_machine *m, unsigned from_el);
/* An asynchronous-exception record was created (asserted) or met its fate. */
void timeline_async(sim_timeline *t, struct sim_machine *m, const struct sim_async_record *r);
/* The firmware model is about to answer the call in w0 (SMC or HVC conduit). */
void timeline_firmware(sim_timeline *t, struct sim_machine *m);

/* ---- the run around it ---- */
/* A bare-metal run starts at the CPU's EL and PC. */
void timeline_begin(sim_timeline *t, struct sim_machine *m);
/* The host (harness) calls into EL2 at the CPU's PC: spans on the host
 * and EL2 tracks; `call` names the host's span. */
void timeline_host_call(sim_timeline *t, struct sim_machine *m, const char *call, const tl_args *a);
/* The call returned to the host: every EL2 span and the host's call span
 * close, the outermost with " ⇒ result" in its name. */
void timeline_host_return(sim_timeline *t, struct sim_machine *m, const char *result, const tl_args *a);
/* The host's own work from cycle `from` to now: a span if time passed
 * (a wait), an instant either way. */
void timeline_host_work(sim_timeline *t, struct sim_machine *m, uint64_t from, const char *name,
                        const tl_args *a);
/* The run ended (why): close what is open, mark exceptions still pending. */
void timeline_finish(sim_timeline *t, struct sim_machine *m, const char *why);

/* ---- reading (the writers) ---- */
/* The events sorted by time, parents before children; *n gets the count. */
const tl_event *timeline_events(sim_timeline *t, size_t *n);
const char *timeline_str(const sim_timeline *t, uint32_t off);
/* The i-th argument of e: its key, value and whether it is an integer. */
const char *timeline_arg(const sim_timeline *t, const tl_event *e, unsigned i, const char **val, bool *num);
/* Tracks with at least one event, or named for the mode (EL0-EL2 always). */
bool timeline_track_used(const sim_timeline *t, unsigned track);
const char *timeline_track_name(const sim_timeline *t, unsigned track);
/* Metadata pairs in the order given, then the run's own facts. */
size_t timeline_nmeta(const sim_timeline *t);
const char *timeline_meta_at(const sim_timeline *t, size_t i, const char **value);
/* The last event's cycle, and the run's own total (later when truncated). */
uint64_t timeline_end_cycle(const sim_timeline *t);
uint64_t timeline_run_cycles(const sim_timeline *t);
/* 0 when every event was kept, else the cycle recording stopped at. */
uint64_t timeline_truncated_at(const sim_timeline *t);
bool timeline_world_switch(const sim_timeline *t);

/* ---- writers ---- */
/* Chrome trace-event JSON (timeline_json.c); false on a write error. */
bool timeline_write_json(sim_timeline *t, FILE *out);
/* A self-contained SVG picture (timeline_svg.c); false on a write error. */
bool timeline_write_svg(sim_timeline *t, FILE *out);

#endif
