/* sim/svg.h: writing self-contained SVG pictures (timelines, sweep heat
 * strips): the document frame, XML escaping, labels cut to fit, a legend
 * entry and a time axis with round-numbered ticks. No scripts, no external
 * fonts or style sheets. */
#ifndef SIM_SVG_H
#define SIM_SVG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define SVG_FONT "font-family=\"sans-serif\""
#define SVG_CHAR_PX 6.2 /* average width of a 10px sans-serif character */

/* <svg> with its size, a white background and a title line. */
void svg_begin(FILE *out, unsigned width, unsigned height, const char *title);
void svg_end(FILE *out);
/* s with &, <, >, " and ' escaped for text and attribute values. */
void svg_escape(FILE *out, const char *s);
/* s cut to what fits in `px` pixels of 10px text (with "…" when cut), or ""
 * when not even a few characters fit; UTF-8 is cut between characters. */
const char *svg_fit(const char *s, double px, char *buf, size_t len);
/* A legend swatch at (x, y) with its text. */
void svg_legend_item(FILE *out, double x, double y, const char *fill, const char *label);
/* A horizontal axis from x0 to x1 at y for values v0..v1, ticks on round
 * numbers, grid lines up to y_top, and `unit` after the last label. */
void svg_axis(FILE *out, double x0, double x1, double y, double y_top, uint64_t v0, uint64_t v1,
              const char *unit);

#endif
