/* sim/timeline_svg.c: the timeline as one SVG picture: a lane per track
 * (nested spans one row lower per level), spans as rectangles coloured by
 * kind and named where the name fits, instants as markers on the lane's
 * marker row, every shape with a tooltip (title), a time axis in cycles and
 * a legend. A long run shows its first TL_SVG_MAX_EVENTS events and says
 * so: the JSON has them all. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "svg.h"
#include "timeline.h"

#define TL_SVG_MAX_EVENTS 2500
#define W 1200
#define LEFT 170.0
#define RIGHT 20.0
#define TOP 52.0
#define ROW 18.0       /* one nesting level */
#define BAR 15.0       /* a span's height within its row */
#define MARKS 14.0     /* the instants' row */
#define LANE_GAP 8.0
#define MAX_ROWS 8     /* deeper nesting is drawn on the last row */
#define LEGEND_COLS 3
#define LEGEND_ROW 16.0
#define LEGEND_TOP 48.0 /* below the lanes: the axis, then the legend */

static const char *const fills[TL_CATS] = {
    [TL_CAT_GUEST] = "#93c47d",    [TL_CAT_RUN] = "#a4c2f4",      [TL_CAT_HYP_ENTRY] = "#6fa8dc",
    [TL_CAT_HYP_EXIT] = "#f6b26b", [TL_CAT_EXCEPTION] = "#e06666", [TL_CAT_HOST] = "#d9d9d9",
    [TL_CAT_HOST_WORK] = "#8e7cc3", [TL_CAT_FIRMWARE] = "#c27ba0", [TL_CAT_ASSERTED] = "#cc0000",
    [TL_CAT_TAKEN] = "#38761d",    [TL_CAT_DEFERRED] = "#1155cc", [TL_CAT_TO_HOST] = "#bf9000",
    [TL_CAT_PENDING] = "#741b47",  [TL_CAT_END] = "#000000",
};

/* Marker shapes for instants, as SVG path data around (0, 0), 10px tall. */
static const char *const marks[TL_CATS] = {
    [TL_CAT_ASSERTED] = "M-5,-5 L5,-5 L0,5 Z",          /* triangle down: raised */
    [TL_CAT_TAKEN] = "M-4,0 A4,4 0 1,0 4,0 A4,4 0 1,0 -4,0 Z", /* circle: taken */
    [TL_CAT_DEFERRED] = "M0,-5 L5,0 L0,5 L-5,0 Z",      /* diamond: deferred */
    [TL_CAT_TO_HOST] = "M-4,-4 L4,-4 L4,4 L-4,4 Z",     /* square: the host's */
    [TL_CAT_PENDING] = "M-4,-4 L4,-4 L4,4 L-4,4 Z",
    [TL_CAT_FIRMWARE] = "M-4,0 A4,4 0 1,0 4,0 A4,4 0 1,0 -4,0 Z",
    [TL_CAT_HOST_WORK] = "M-1,-5 L1,-5 L1,5 L-1,5 Z",   /* a tick: zero-time work */
    [TL_CAT_END] = "M0,-5 L5,0 L0,5 L-5,0 Z",
};

typedef struct layout {
    size_t shown;             /* events drawn: a prefix in time order */
    uint64_t t1;              /* the right edge, in cycles */
    unsigned *depth;          /* per event: its nesting row */
    unsigned rows[TL_TRACKS]; /* span rows per lane (0: none) */
    bool marks[TL_TRACKS];    /* the lane has instants */
    double y[TL_TRACKS], h[TL_TRACKS];
    bool cat_seen[TL_CATS];
    double lanes_end, height;
} layout;

static bool plan(sim_timeline *t, const tl_event *ev, size_t n, layout *L)
{
    memset(L, 0, sizeof *L);
    L->shown = n > TL_SVG_MAX_EVENTS ? TL_SVG_MAX_EVENTS : n;
    L->t1 = n > TL_SVG_MAX_EVENTS ? ev[TL_SVG_MAX_EVENTS].ts : timeline_end_cycle(t);
    if (!L->t1)
        L->t1 = 1;
    L->depth = calloc(L->shown ? L->shown : 1, sizeof *L->depth);
    if (!L->depth)
        return false;
    // nesting per track: a stack of the open spans' ends (events are sorted
    // by start, outer spans first)
    uint64_t ends[TL_TRACKS][MAX_ROWS];
    unsigned sp[TL_TRACKS] = { 0 };
    for (size_t i = 0; i < L->shown; i++) {
        const tl_event *e = &ev[i];
        L->cat_seen[e->cat] = true;
        if (e->ph != 'X') {
            L->marks[e->track] = true;
            continue;
        }
        unsigned k = e->track;
        while (sp[k] && ends[k][sp[k] - 1] <= e->ts && !(e->dur == 0 && ends[k][sp[k] - 1] == e->ts))
            sp[k]--;
        L->depth[i] = sp[k] < MAX_ROWS ? sp[k] : MAX_ROWS - 1;
        if (sp[k] < MAX_ROWS)
            ends[k][sp[k]++] = e->ts + e->dur;
        if (L->rows[k] < L->depth[i] + 1)
            L->rows[k] = L->depth[i] + 1;
    }
    double y = TOP;
    for (unsigned k = 0; k < TL_TRACKS; k++) {
        if (!timeline_track_used(t, k))
            continue;
        unsigned rows = L->rows[k] ? L->rows[k] : 1;
        L->y[k] = y;
        L->h[k] = rows * ROW + (L->marks[k] ? MARKS : 0) + LANE_GAP;
        y += L->h[k];
    }
    unsigned ncat = 0;
    for (unsigned c = 0; c < TL_CATS; c++)
        ncat += L->cat_seen[c];
    L->lanes_end = y;
    L->height = y + LEGEND_TOP + ((ncat + LEGEND_COLS - 1) / LEGEND_COLS) * LEGEND_ROW;
    return true;
}

static double xpos(const layout *L, uint64_t ts)
{
    uint64_t c = ts < L->t1 ? ts : L->t1;
    return LEFT + (W - LEFT - RIGHT) * (double)c / (double)L->t1;
}

/* The tooltip: name, time, then every argument on its own line. */
static void tooltip(FILE *out, const sim_timeline *t, const tl_event *e)
{
    fputs("<title>", out);
    svg_escape(out, timeline_str(t, e->name));
    if (e->ph == 'X')
        fprintf(out, "\ncycles %" PRIu64 "–%" PRIu64 " (%" PRIu64 " cycles)", e->ts, e->ts + e->dur, e->dur);
    else
        fprintf(out, "\ncycle %" PRIu64, e->ts);
    for (unsigned i = 0; i < e->nargs; i++) {
        const char *val;
        bool num;
        const char *key = timeline_arg(t, e, i, &val, &num);
        fputc('\n', out);
        svg_escape(out, key);
        fputs(": ", out);
        svg_escape(out, val);
    }
    fputs("</title>", out);
}

static void draw_span(FILE *out, const sim_timeline *t, const layout *L, const tl_event *e, unsigned depth)
{
    double x0 = xpos(L, e->ts), x1 = xpos(L, e->ts + e->dur);
    double w = x1 - x0 < 0.5 ? 0.5 : x1 - x0; // a zero-length span stays visible
    double y = L->y[e->track] + depth * ROW + (ROW - BAR) / 2;
    fprintf(out, "<g>");
    tooltip(out, t, e);
    fprintf(out, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"%s\" stroke=\"#444444\" stroke-width=\"0.4\"/>",
            x0, y, w, BAR, fills[e->cat]);
    char label[160];
    if (svg_fit(timeline_str(t, e->name), w, label, sizeof label)[0]) {
        fprintf(out, "<text x=\"%.2f\" y=\"%.1f\">", x0 + 2, y + BAR - 4);
        svg_escape(out, label);
        fputs("</text>", out);
    }
    fputs("</g>\n", out);
}

static void draw_instant(FILE *out, const sim_timeline *t, const layout *L, const tl_event *e)
{
    unsigned rows = L->rows[e->track] ? L->rows[e->track] : 1;
    double y = L->y[e->track] + rows * ROW + MARKS / 2;
    fprintf(out, "<g transform=\"translate(%.2f,%.1f)\">", xpos(L, e->ts), y);
    tooltip(out, t, e);
    fprintf(out, "<path d=\"%s\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.5\"/></g>\n",
            marks[e->cat] ? marks[e->cat] : marks[TL_CAT_TAKEN], fills[e->cat]);
}

static void lanes(FILE *out, const sim_timeline *t, const layout *L)
{
    for (unsigned k = 0; k < TL_TRACKS; k++) {
        if (!timeline_track_used(t, k))
            continue;
        fprintf(out, "<rect x=\"0\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>", L->y[k], W,
                L->h[k] - LANE_GAP / 2, k % 2 ? "#f7f7f7" : "#fdfdfd");
        fprintf(out, "<text x=\"8\" y=\"%.1f\" font-size=\"11\">", L->y[k] + ROW - 5);
        svg_escape(out, timeline_track_name(t, k));
        fputs("</text>\n", out);
    }
}

static void legend(FILE *out, const layout *L, double y)
{
    unsigned i = 0;
    for (unsigned c = 0; c < TL_CATS; c++) {
        if (!L->cat_seen[c])
            continue;
        double x = 10 + (i % LEGEND_COLS) * ((W - 20) / LEGEND_COLS);
        svg_legend_item(out, x, y + (i / LEGEND_COLS) * LEGEND_ROW, fills[c], timeline_cat_titles[c]);
        i++;
    }
}

bool timeline_write_svg(sim_timeline *t, FILE *out)
{
    size_t n;
    const tl_event *ev = timeline_events(t, &n);
    layout L;
    if (!plan(t, ev, n, &L))
        return false;
    char title[256], note[256];
    const char *val;
    snprintf(title, sizeof title, "elsim timeline");
    for (size_t i = 0; i < timeline_nmeta(t); i++) {
        const char *key = timeline_meta_at(t, i, &val);
        if (!strcmp(key, "hyp") || !strcmp(key, "guest") || !strcmp(key, "elf") || !strcmp(key, "inject")) {
            size_t used = strlen(title);
            snprintf(title + used, sizeof title - used, "%s %s", used > 14 ? "," : ":", val);
        }
    }
    if (L.shown < n || timeline_truncated_at(t))
        snprintf(note, sizeof note,
                 "showing cycles 0–%" PRIu64 " of %" PRIu64 ": the first %zu of %zu events%s (the JSON timeline has "
                 "every recorded event)",
                 L.t1, timeline_end_cycle(t), L.shown, n,
                 timeline_truncated_at(t) ? "; recording stopped at its event limit" : "");
    else
        snprintf(note, sizeof note, "%" PRIu64 " cycles, %zu events; hover a shape for its details", L.t1, n);
    svg_begin(out, W, (unsigned)L.height, title);
    fprintf(out, "<text x=\"10\" y=\"36\">");
    svg_escape(out, note);
    fputs("</text>\n", out);
    lanes(out, t, &L);
    svg_axis(out, LEFT, W - RIGHT, L.lanes_end + 4, TOP, 0, L.t1, "cycles");
    for (size_t i = 0; i < L.shown; i++)
        if (ev[i].ph == 'X')
            draw_span(out, t, &L, &ev[i], L.depth[i]);
    for (size_t i = 0; i < L.shown; i++)
        if (ev[i].ph != 'X')
            draw_instant(out, t, &L, &ev[i]);
    legend(out, &L, L.lanes_end + LEGEND_TOP);
    svg_end(out);
    free(L.depth);
    return !ferror(out);
}
