/* sim/sweep_svg.c: the sweep heat strip: the range's instruction boundaries
 * left to right, one cell each, coloured by the outcome class the sweep
 * computed (sim/outcome.c), a dot where the guest's state differs from the
 * run without the injection, symbol+offset labels below (every k-th when
 * cells are narrow), tooltips with the point's whole result, a legend with
 * the count per class. Points another shard ran are empty cells. */
#include "sweep_svg.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "svg.h"

#define LEFT 80.0
#define RIGHT 20.0
#define TOP 56.0
#define STRIP_W 1100.0 /* the strip's width when cells are not at their widest */
#define CELL_MAX 28.0
#define CELL_MIN 3.0
#define CELL_H 30.0
#define LABEL_GAP 12.0 /* pixels between two labels */
#define LABEL_SLANT 0.866 /* sin 60 degrees: labels are rotated by -60 */
#define LEGEND_COLS 2
#define LEGEND_ROW 16.0

static const char *const class_fills[OC_CLASSES] = {
    [OC_NOT_REACHED] = "#cccccc", [OC_CAUGHT] = "#6aa84f",        [OC_DEFERRED] = "#3d85c6",
    [OC_DEFERRED_LOST] = "#a64d79", [OC_FROM_GUEST] = "#76a5af", [OC_OUTSIDE_WINDOW] = "#e69138",
    [OC_PANIC] = "#cc0000",       [OC_RUN_ENDED] = "#434343",     [OC_TO_HOST] = "#f1c232",
    [OC_LOST] = "#741b47",
};
static const char *const policy_names[] = { "earliest", "latest" };

typedef struct strip {
    size_t cols;
    unsigned rows;
    double cell, width, label_h, height;
    size_t every;                 /* a label every this many cells */
    size_t count[OC_CLASSES];
    size_t differs;
} strip;

static void plan(const sweep_report *r, strip *s)
{
    memset(s, 0, sizeof *s);
    s->cols = (size_t)((r->to - r->from) / 4);
    if (!s->cols)
        s->cols = 1;
    s->rows = r->explore ? 2 : 1;
    s->cell = STRIP_W / (double)s->cols;
    s->cell = s->cell > CELL_MAX ? CELL_MAX : s->cell < CELL_MIN ? CELL_MIN : s->cell;
    s->width = LEFT + s->cell * (double)s->cols + RIGHT;
    if (s->width < LEFT + STRIP_W + RIGHT)
        s->width = LEFT + STRIP_W + RIGHT;
    s->every = (size_t)(LABEL_GAP / s->cell);
    if ((double)s->every * s->cell < LABEL_GAP)
        s->every++; // round up: labels at least LABEL_GAP apart
    size_t longest = 0;
    for (size_t i = 0; i < r->npoints; i++) {
        const sweep_point *p = &r->points[i];
        size_t len = strlen(p->where[0] ? p->where : "0x0000000000000000");
        longest = len > longest ? len : longest;
        if (p->o.cls < OC_CLASSES)
            s->count[p->o.cls]++;
        s->differs += p->o.guest_differs;
    }
    s->label_h = (double)longest * SVG_CHAR_PX * LABEL_SLANT + 14;
    unsigned items = 0;
    for (unsigned c = 0; c < OC_CLASSES; c++)
        items += s->count[c] != 0;
    items += s->differs != 0;
    s->height = TOP + CELL_H * s->rows + s->label_h + 20 + ((items + LEGEND_COLS - 1) / LEGEND_COLS) * LEGEND_ROW;
}

static void tooltip(FILE *out, const sweep_report *r, const sweep_point *p)
{
    char text[768];
    snprintf(text, sizeof text,
             "%s (0x%" PRIx64 ")\n%s\npolicy: %s\noutcome: %s%s%s\nELR: 0x%" PRIx64
             "\nexits with the SError bit: %" PRIu64 "\nguest took a virtual SError: %s\nguest state differs "
             "from the run without %s: %s",
             p->where[0] ? p->where : "?", p->addr, p->insn, policy_names[p->policy & 1], p->o.label,
             p->o.detail[0] ? "\n" : "", p->o.detail, p->o.elr, p->o.serror_bit_exits,
             p->o.guest_saw_virtual ? "yes" : "no", r->kind, p->o.guest_differs ? "yes" : "no");
    fputs("<title>", out);
    svg_escape(out, text);
    fputs("</title>", out);
}

static void cell(FILE *out, const sweep_report *r, const strip *s, const sweep_point *p)
{
    size_t col = p->index < s->cols ? p->index : s->cols - 1;
    unsigned row = r->explore ? (p->policy & 1) : 0;
    double x = LEFT + s->cell * (double)col, y = TOP + CELL_H * row;
    fputs("<g>", out);
    tooltip(out, r, p);
    fprintf(out, "<rect class=\"cell\" x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.5\"/>",
            x, y, s->cell, CELL_H, class_fills[p->o.cls < OC_CLASSES ? p->o.cls : OC_RUN_ENDED]);
    if (p->o.guest_differs)
        fprintf(out, "<circle cx=\"%.2f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#000000\"/>", x + s->cell / 2, y + 5,
                s->cell < 6 ? s->cell / 3 : 2.0);
    fputs("</g>\n", out);
}

/* Grey outlines where this sweep has no point (another shard's). */
static void empty_cells(FILE *out, const strip *s, const sweep_point *const *at)
{
    for (unsigned row = 0; row < s->rows; row++)
        for (size_t col = 0; col < s->cols; col++)
            if (!at[row * s->cols + col])
                fprintf(out, "<rect class=\"missing\" x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"none\" stroke=\"#bbbbbb\" stroke-width=\"0.5\"><title>point %zu: not in this shard</title></rect>\n",
                        LEFT + s->cell * (double)col, TOP + CELL_H * row, s->cell, CELL_H, col);
}

static void labels(FILE *out, const sweep_report *r, const strip *s, const sweep_point *const *at)
{
    double y = TOP + CELL_H * s->rows + 8;
    for (size_t col = 0; col < s->cols; col += s->every) {
        const sweep_point *p = at[col] ? at[col] : s->rows > 1 ? at[s->cols + col] : NULL;
        char addr[24];
        const char *where = p && p->where[0] ? p->where : addr;
        snprintf(addr, sizeof addr, "0x%" PRIx64, r->from + 4 * (uint64_t)col);
        double x = LEFT + s->cell * ((double)col + 0.5);
        fprintf(out, "<text x=\"%.2f\" y=\"%.1f\" text-anchor=\"end\" transform=\"rotate(-60 %.2f %.1f)\">", x, y, x, y);
        svg_escape(out, where);
        fputs("</text>\n", out);
    }
    for (unsigned row = 0; row < s->rows; row++) {
        fprintf(out, "<text x=\"8\" y=\"%.1f\" font-size=\"11\">%s</text>\n", TOP + CELL_H * row + CELL_H / 2 + 4,
                r->explore ? policy_names[row] : "injected");
    }
}

static void legend(FILE *out, const strip *s)
{
    double y = TOP + CELL_H * s->rows + s->label_h + 20;
    unsigned i = 0;
    char text[128];
    for (unsigned c = 0; c < OC_CLASSES; c++) {
        if (!s->count[c])
            continue;
        snprintf(text, sizeof text, "%s (%zu)", outcome_class_name(c), s->count[c]);
        svg_legend_item(out, 10 + (i % LEGEND_COLS) * (s->width / LEGEND_COLS), y + (i / LEGEND_COLS) * LEGEND_ROW,
                        class_fills[c], text);
        i++;
    }
    if (s->differs) {
        double x = 10 + (i % LEGEND_COLS) * (s->width / LEGEND_COLS), yy = y + (i / LEGEND_COLS) * LEGEND_ROW;
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"#000000\"/><text x=\"%.1f\" y=\"%.1f\">guest state differs from the run without the injection (%zu)</text>\n",
                x + 6, yy - 4, x + 16, yy, s->differs);
    }
}

bool sweep_svg_write(const sweep_report *r, FILE *out)
{
    strip s;
    plan(r, &s);
    char title[320], note[320];
    snprintf(title, sizeof title, "elsim sweep: %s over [0x%" PRIx64 ", 0x%" PRIx64 ") of %s, guest %s", r->kind,
             r->from, r->to, r->hyp, r->guest);
    snprintf(note, sizeof note,
             "%zu runs, one cell per instruction boundary (%zu)%s; the injection is asserted when the PC first "
             "reaches the cell's instruction; hover a cell for its result",
             r->npoints, s.cols, r->shard_n > 1 ? " of this shard" : "");
    // the point in each cell, row by row (NULL: another shard's)
    const sweep_point **at = calloc(s.rows * s.cols, sizeof *at);
    if (!at)
        return false;
    for (size_t i = 0; i < r->npoints; i++) {
        const sweep_point *p = &r->points[i];
        unsigned row = r->explore ? (p->policy & 1) : 0;
        if (p->index < s.cols)
            at[row * s.cols + p->index] = p;
    }
    svg_begin(out, (unsigned)(s.width + 0.5), (unsigned)(s.height + 0.5), title);
    fprintf(out, "<text x=\"10\" y=\"36\">");
    svg_escape(out, note);
    fputs("</text>\n", out);
    for (size_t i = 0; i < r->npoints; i++)
        cell(out, r, &s, &r->points[i]);
    empty_cells(out, &s, at);
    labels(out, r, &s, at);
    legend(out, &s);
    svg_end(out);
    free(at);
    return !ferror(out);
}
