/* sim/svg.c: helpers for the project's SVG pictures (see svg.h). */
#include "svg.h"

#include <inttypes.h>
#include <string.h>

void svg_begin(FILE *out, unsigned width, unsigned height, const char *title)
{
    fprintf(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%u\" height=\"%u\" viewBox=\"0 0 %u %u\" " SVG_FONT
            " font-size=\"10\">\n",
            width, height, width, height);
    fprintf(out, "<title>");
    svg_escape(out, title);
    fprintf(out, "</title>\n<rect x=\"0\" y=\"0\" width=\"%u\" height=\"%u\" fill=\"#ffffff\"/>\n", width, height);
    fprintf(out, "<text x=\"10\" y=\"18\" font-size=\"13\" font-weight=\"bold\">");
    svg_escape(out, title);
    fprintf(out, "</text>\n");
}

void svg_end(FILE *out) { fputs("</svg>\n", out); }

void svg_escape(FILE *out, const char *s)
{
    static const char *const ent[256] = { ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;",
                                          ['\''] = "&apos;" };
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (ent[*p])
            fputs(ent[*p], out);
        else if (*p < 0x20 && *p != '\n' && *p != '\t')
            fputc('?', out); // control characters are not allowed in XML 1.0
        else
            fputc(*p, out);
    }
}

/* Characters (not bytes) in a UTF-8 string. */
static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return n;
}

#define SVG_FIT_MIN 4 /* fewer characters than this say nothing */

const char *svg_fit(const char *s, double px, char *buf, size_t len)
{
    double room = (px - 4) / SVG_CHAR_PX;
    size_t chars = utf8_chars(s);
    buf[0] = 0;
    if (room >= (double)chars) {
        snprintf(buf, len, "%s", s);
        return buf;
    }
    if (room < SVG_FIT_MIN)
        return buf;
    size_t keep = (size_t)room - 1, k = 0, i = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xc0) == 0x80)
            continue; // a continuation byte
        if (k == keep)
            break;
        k++;
    }
    // i is the byte where character `keep` starts: cut there, add an ellipsis
    snprintf(buf, len, "%.*s…", (int)i, s);
    return buf;
}

void svg_legend_item(FILE *out, double x, double y, const char *fill, const char *label)
{
    fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"10\" fill=\"%s\" stroke=\"#555555\" stroke-width=\"0.5\"/>",
            x, y - 9, fill);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\">", x + 16, y);
    svg_escape(out, label);
    fprintf(out, "</text>\n");
}

/* 1, 2 or 5 times a power of ten, at least `raw`. */
static uint64_t nice_step(uint64_t raw)
{
    uint64_t p = 1;
    while (p <= raw / 10)
        p *= 10;
    static const unsigned mult[] = { 1, 2, 5, 10 };
    for (size_t i = 0; i < sizeof mult / sizeof mult[0]; i++)
        if (p * mult[i] >= raw)
            return p * mult[i];
    return p * 10;
}

#define SVG_AXIS_TICKS 10

void svg_axis(FILE *out, double x0, double x1, double y, double y_top, uint64_t v0, uint64_t v1,
              const char *unit)
{
    uint64_t span = v1 > v0 ? v1 - v0 : 1;
    uint64_t step = nice_step((span + SVG_AXIS_TICKS - 1) / SVG_AXIS_TICKS);
    fprintf(out, "<g stroke=\"#333333\" stroke-width=\"1\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/></g>\n",
            x0, y, x1, y);
    for (uint64_t v = (v0 + step - 1) / step * step; v <= v1; v += step) {
        double x = x0 + (x1 - x0) * (double)(v - v0) / (double)span;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e0e0e0\" stroke-width=\"0.5\"/>", x,
                y_top, x, y);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333333\"/>", x, y, x, y + 4);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%" PRIu64 "</text>\n", x, y + 14, v);
    }
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", x1, y + 26);
    svg_escape(out, unit);
    fprintf(out, "</text>\n");
}
