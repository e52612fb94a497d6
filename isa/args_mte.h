/* isa/args_mte.h: arg constants for the memory-tagging rows of insns.def
 * (insns_mte.def). */
#ifndef ARGS_MTE_H
#define ARGS_MTE_H

/* Tag stores: the indexing form in the low bits, then what else they do. */
enum {
    MT_OFF = 0,  /* [Xn|SP, #simm] */
    MT_POST = 1, /* [Xn|SP], #simm */
    MT_PRE = 2,  /* [Xn|SP, #simm]! */
    MT_FORM_MASK = 3,
    MT_ZERO = 4, /* also zero the granules' data: STZG, STZ2G, DC GZVA */
    MT_PAIR = 8, /* two granules: ST2G, STZ2G */
};

/* ADDG/SUBG; SUBP (0) and SUBPS (MT_SETFLAGS). */
enum { MT_ADD = 0, MT_SUB = 1, MT_SETFLAGS = 1 };

#endif
