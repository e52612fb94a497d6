/* sim/script.c: running a Lua scenario (`sim --script FILE.lua`): a sandboxed
 * Lua state, file lookup, and the expectations (expect, expect_eq, ...). */
#include "script.h"

#include <errno.h>
#include <inttypes.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gdb_stub.h"
#include "script_machine.h"

/* A script may allocate this much before its allocations fail (a Lua
 * "not enough memory" error, exit 2) rather than exhaust the host. */
#define SCRIPT_MEM_CAP (UINT64_C(512) << 20)
/* Machines live outside Lua's heap (the collector does not see their
 * size), so their number is capped as well. */
#define SCRIPT_MAX_MACHINES 64

typedef struct script_ctx {
    const sim_options *o;
    const char *path;
    char dir[1024];
    char *src;        /* the script's text, for quoting the failing line */
    size_t srclen;
    unsigned nexpect, nfail;
    size_t used;
    FILE *trace;      /* where machines built with trace = true write */
    bool trace_owned;
    unsigned machines; /* alive */
    struct gdb_stub *gdb; /* --gdb: for the first machine built, then NULL */
} script_ctx;

static const char ctx_key = 0;

static script_ctx *ctx_of(lua_State *L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &ctx_key);
    script_ctx *x = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return x;
}

const sim_options *script_options(lua_State *L) { return ctx_of(L)->o; }

FILE *script_trace_file(lua_State *L) { return ctx_of(L)->trace; }

void script_machine_born(lua_State *L)
{
    script_ctx *x = ctx_of(L);
    if (x->machines == SCRIPT_MAX_MACHINES)
        lua_gc(L, LUA_GCCOLLECT); // unreferenced machines go first
    if (x->machines == SCRIPT_MAX_MACHINES)
        luaL_error(L, "at most %d machines at a time", SCRIPT_MAX_MACHINES);
    x->machines++;
}

void script_machine_died(lua_State *L) { ctx_of(L)->machines--; }

struct gdb_stub *script_take_gdb(lua_State *L)
{
    script_ctx *x = ctx_of(L);
    struct gdb_stub *g = x->gdb;
    x->gdb = NULL;
    return g;
}

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    script_ctx *x = ud;
    if (!ptr)
        osize = 0;
    if (nsize == 0) {
        free(ptr);
        x->used -= osize;
        return NULL;
    }
    if (nsize > osize && x->used - osize + nsize > SCRIPT_MEM_CAP)
        return NULL;
    void *p = realloc(ptr, nsize);
    if (p)
        x->used = x->used - osize + nsize;
    return p;
}

static bool readable(const char *path)
{
    return access(path, R_OK) == 0;
}

const char *script_find_file(lua_State *L, const char *name, char *buf, size_t len)
{
    script_ctx *x = ctx_of(L);
    if (name[0] == '/')
        return name;
    snprintf(buf, len, "%s/%s", x->dir, name);
    if (readable(buf))
        return buf;
    const char *path = getenv("ELSIM_PATH");
    while (path && *path) {
        const char *colon = strchr(path, ':');
        size_t n = colon ? (size_t)(colon - path) : strlen(path);
        if (n) {
            snprintf(buf, len, "%.*s/%s", (int)n, path, name);
            if (readable(buf))
                return buf;
        }
        path = colon ? colon + 1 : NULL;
    }
    return name;
}

/* ---- expectations ---- */

/* A value as a failure message shows it: integers in hex (and decimal). */
static void describe(lua_State *L, int idx, char *buf, size_t len)
{
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) {
            lua_Integer v = lua_tointeger(L, idx);
            if (v >= 0 && v < 10)
                snprintf(buf, len, "%" PRId64, (int64_t)v);
            else if (v >= 0 && v < (INT64_C(1) << 53))
                snprintf(buf, len, "0x%" PRIx64 " (%" PRId64 ")", (uint64_t)v, (int64_t)v);
            else
                snprintf(buf, len, "0x%" PRIx64, (uint64_t)v);
        } else {
            snprintf(buf, len, "%.17g", lua_tonumber(L, idx));
        }
        break;
    case LUA_TSTRING: snprintf(buf, len, "\"%s\"", lua_tostring(L, idx)); break;
    case LUA_TBOOLEAN: snprintf(buf, len, "%s", lua_toboolean(L, idx) ? "true" : "false"); break;
    case LUA_TNIL: snprintf(buf, len, "nil"); break;
    default: snprintf(buf, len, "%s", luaL_typename(L, idx)); break;
    }
}

/* Print "file:line: <what> failed: ..." for the script line that called,
 * followed by that line of the script as written. */
static void report_failure(lua_State *L, const char *fmt, ...)
{
    script_ctx *x = ctx_of(L);
    lua_Debug ar;
    const char *file = x->path;
    int line = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
        line = ar.currentline;
        if (ar.source[0] == '@')
            file = ar.source + 1;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s:%d: %s\n", file, line, msg);
    // quote the line itself: it holds the expression being checked
    const char *p = x->src, *end = x->src + x->srclen;
    for (int n = 1; p && p < end && n < line; n++) {
        p = memchr(p, '\n', (size_t)(end - p));
        if (p)
            p++;
    }
    if (line > 0 && p && p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        fprintf(stderr, "    %.*s\n", (int)((eol ? eol : end) - p), p);
    }
    fflush(stderr);
    x->nfail++;
}

static const char *what_arg(lua_State *L, int idx)
{
    return luaL_optstring(L, idx, "expectation");
}

/* expect(cond, what): cond must be true (anything but false and nil). */
static int l_expect(lua_State *L)
{
    luaL_checkany(L, 1);
    const char *what = what_arg(L, 2);
    ctx_of(L)->nexpect++;
    if (!lua_toboolean(L, 1))
        report_failure(L, "expect failed: %s", what);
    lua_pushboolean(L, lua_toboolean(L, 1));
    return 1;
}

static int expect_cmp(lua_State *L, bool want_equal)
{
    luaL_checkany(L, 1);
    luaL_checkany(L, 2);
    const char *what = what_arg(L, 3);
    ctx_of(L)->nexpect++;
    // numbers compare by value (1 == 1.0); everything else by identity
    bool eq = lua_rawequal(L, 1, 2);
    if (eq != want_equal) {
        char got[256], want[256];
        describe(L, 1, got, sizeof got);
        describe(L, 2, want, sizeof want);
        if (want_equal)
            report_failure(L, "expect_eq failed: %s: got %s, want %s", what, got, want);
        else
            report_failure(L, "expect_ne failed: %s: got %s, which it must not be", what, got);
    }
    lua_pushboolean(L, eq == want_equal);
    return 1;
}

/* expect_eq(got, want, what) */
static int l_expect_eq(lua_State *L) { return expect_cmp(L, true); }
/* expect_ne(got, unwanted, what) */
static int l_expect_ne(lua_State *L) { return expect_cmp(L, false); }

/* hex(v): "0x..." of a 64-bit value, for messages. */
static int l_hex(lua_State *L)
{
    char buf[32];
    snprintf(buf, sizeof buf, "0x%" PRIx64, (uint64_t)luaL_checkinteger(L, 1));
    lua_pushstring(L, buf);
    return 1;
}

/* ---- the Lua state ---- */

/* Base, table, string and math only: no io, os or package, and nothing
 * that loads code (dofile, loadfile, load), so a scenario is data and
 * logic and cannot reach the host or load bytecode. */
static void open_libs(lua_State *L)
{
    static const luaL_Reg libs[] = {
        { LUA_GNAME, luaopen_base },
        { LUA_TABLIBNAME, luaopen_table },
        { LUA_STRLIBNAME, luaopen_string },
        { LUA_MATHLIBNAME, luaopen_math },
    };
    for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
        luaL_requiref(L, libs[i].name, libs[i].func, 1);
        lua_pop(L, 1);
    }
    static const char *const unsafe[] = { "dofile", "loadfile", "load" };
    for (size_t i = 0; i < sizeof unsafe / sizeof unsafe[0]; i++) {
        lua_pushnil(L);
        lua_setglobal(L, unsafe[i]);
    }
    static const luaL_Reg globals[] = {
        { "expect", l_expect }, { "expect_eq", l_expect_eq }, { "expect_ne", l_expect_ne },
        { "hex", l_hex },       { NULL, NULL },
    };
    lua_pushglobaltable(L);
    luaL_setfuncs(L, globals, 0);
    lua_pop(L, 1);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *nb = realloc(buf, cap *= 2);
        if (!nb)
            free(buf);
        buf = nb;
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* The message of a Lua error, with "sim: " in front, on one line. */
static int lua_failed(lua_State *L)
{
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "sim: %s\n", msg ? msg : "(error object is not a string)");
    return SIM_EXIT_USAGE;
}

int script_run(const sim_options *o)
{
    script_ctx x = { .o = o, .path = o->script, .trace = stdout };
    if (o->json || o->ndumps) {
        fprintf(stderr, "sim: --json and --dump-memory do not apply to --script (the scenario reports)\n");
        return SIM_EXIT_USAGE;
    }
    if (o->trace && o->trace_file) {
        x.trace = fopen(o->trace_file, "w");
        if (!x.trace) {
            fprintf(stderr, "sim: %s: cannot write the trace file\n", o->trace_file);
            return SIM_EXIT_USAGE;
        }
        x.trace_owned = true;
    }
    x.src = slurp(o->script, &x.srclen);
    if (!x.src) {
        fprintf(stderr, "sim: %s: cannot open: %s\n", o->script, strerror(errno ? errno : EIO));
        if (x.trace_owned)
            fclose(x.trace);
        return SIM_EXIT_USAGE;
    }
    const char *slash = strrchr(o->script, '/');
    if (slash)
        snprintf(x.dir, sizeof x.dir, "%.*s", (int)(slash - o->script), o->script);
    else
        snprintf(x.dir, sizeof x.dir, ".");
    if (!x.dir[0])
        snprintf(x.dir, sizeof x.dir, "/");

    char err[512];
    gdb_stub *gdb = NULL;
    if (o->gdb && !(gdb = gdb_stub_listen(o->gdb_listen, o->gdb_port, err, sizeof err))) {
        fprintf(stderr, "sim: %s\n", err);
        free(x.src);
        if (x.trace_owned)
            fclose(x.trace);
        return SIM_EXIT_USAGE;
    }
    x.gdb = gdb;
    lua_State *L = lua_newstate(capped_alloc, &x);
    if (!L) {
        gdb_stub_free(gdb);
        free(x.src);
        fprintf(stderr, "sim: out of memory\n");
        return SIM_EXIT_USAGE;
    }
    lua_pushlightuserdata(L, &x);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &ctx_key);
    open_libs(L);
    script_open_machine(L);

    int status;
    char chunk[1100];
    snprintf(chunk, sizeof chunk, "@%s", o->script);
    // text only: precompiled chunks can crash the interpreter
    if (luaL_loadbufferx(L, x.src, x.srclen, chunk, "t") != LUA_OK || lua_pcall(L, 0, 0, 0) != LUA_OK) {
        status = lua_failed(L);
    } else if (x.nfail) {
        fprintf(stderr, "sim: %s: %u of %u expectations failed\n", o->script, x.nfail, x.nexpect);
        status = SIM_EXIT_FAIL;
    } else {
        printf("%s: %u expectations held\n", o->script, x.nexpect);
        status = SIM_EXIT_OK;
    }
    fflush(stdout);
    if (gdb) {
        gdb_stub_finish(gdb, NULL, status);
        gdb_stub_free(gdb); // its machine keeps a pointer it no longer follows
    }
    lua_close(L); // machines go first: their traces write to x.trace
    free(x.src);
    if (x.trace_owned)
        fclose(x.trace);
    return status;
}
