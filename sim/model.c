/* sim/model.c: reading a CPU model file (a Lua table) with Lua 5.4, and
 * applying it to a CPU: MIDR, VPIDR reset, the feature set. */
#include "model.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "idregs.h"
#include "suggest.h"
#include "sysreg.h"

/* A model file is data: running it may take this much memory and this
 * many Lua instructions at most (a loop or a huge table is an error). */
#define MODEL_MAX_BYTES ((size_t)16 << 20)
#define MODEL_MAX_STEPS 1000000

typedef struct model_heap {
    size_t used;
    bool limited; /* only while the chunk runs: reading it back may allocate */
} model_heap;

static void *model_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    model_heap *h = ud;
    size_t old = ptr ? osize : 0; // without ptr, osize is a type tag
    if (nsize == 0) {
        free(ptr);
        h->used -= old;
        return NULL;
    }
    if (h->limited && nsize > old && h->used - old + nsize > MODEL_MAX_BYTES)
        return NULL;
    void *p = realloc(ptr, nsize);
    if (p)
        h->used = h->used - old + nsize;
    return p;
}

static void model_count_hook(lua_State *L, lua_Debug *ar)
{
    lua_getinfo(L, "Sl", ar);
    luaL_error(L, "%s:%d: runs for more than %d Lua instructions (a model file is data)", ar->short_src,
               ar->currentline, MODEL_MAX_STEPS);
}

static bool feature_bit(const char *name, uint64_t *bit)
{
    for (int f = 1; f < FEAT_COUNT; f++)
        if (strcmp(a64_feature_names[f], name) == 0) {
            *bit = FEAT_BIT(f);
            return true;
        }
    return false;
}

bool model_policy(const char *name, uint8_t *policy)
{
    if (strcmp(name, "earliest") == 0)
        *policy = A64_ASYNC_EARLIEST;
    else if (strcmp(name, "latest") == 0)
        *policy = A64_ASYNC_LATEST;
    else
        return false;
    return true;
}

/* An optional non-negative integer field of the table on top; false with
 * err if present but not a small integer. */
static bool opt_uint(lua_State *L, const char *key, uint64_t max, uint64_t *out, const char *path,
                     char *err, size_t len)
{
    lua_getfield(L, -1, key);
    bool ok = true;
    if (!lua_isnil(L, -1)) {
        int isnum;
        lua_Integer v = lua_tointegerx(L, -1, &isnum);
        if (!isnum || v < 0 || (uint64_t)v > max) {
            snprintf(err, len, "%s: timing field '%s' must be an integer from 0 to %llu", path, key,
                     (unsigned long long)max);
            ok = false;
        } else {
            *out = (uint64_t)v;
        }
    }
    lua_pop(L, 1);
    return ok;
}

static bool read_u16(lua_State *L, const char *key, uint16_t *out, const char *path, char *err, size_t len)
{
    uint64_t v = *out;
    if (!opt_uint(L, key, 0xffff, &v, path, err, len))
        return false;
    *out = (uint16_t)v;
    return true;
}

/* timing = { clock_hz, counter_hz, latency = {kind = n}, branch_taken,
 * exception_entry, eret, isb, store_buffer = {depth, drain},
 * sysreg = { NAME = {read = n, write = n} } } */
static bool read_timing(lua_State *L, const char *path, sim_model *out, char *err, size_t len)
{
    a64_timing *t = &out->timing;
    uint64_t clock = 1000000000, counter = 100000000;
    lua_getfield(L, -1, "timing");
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        out->counter_hz = clock; // one cycle per tick without a timing table
        return true;
    }
    if (!lua_istable(L, -1)) {
        snprintf(err, len, "%s: 'timing' must be a table", path);
        return false;
    }
    if (!opt_uint(L, "clock_hz", UINT64_C(1) << 40, &clock, path, err, len) ||
        !opt_uint(L, "counter_hz", UINT64_C(1) << 40, &counter, path, err, len) ||
        !read_u16(L, "branch_taken", &t->branch_taken, path, err, len) ||
        !read_u16(L, "exception_entry", &t->exc_entry, path, err, len) ||
        !read_u16(L, "eret", &t->eret, path, err, len) || !read_u16(L, "isb", &t->isb, path, err, len))
        return false;
    if (!counter || !clock || clock % counter) {
        snprintf(err, len, "%s: clock_hz must be a multiple of counter_hz", path);
        return false;
    }
    t->cycles_per_tick = (uint32_t)(clock / counter);
    out->counter_hz = counter;
    lua_getfield(L, -1, "latency");
    if (lua_istable(L, -1))
        for (unsigned k = 0; k < TK_COUNT; k++)
            if (!read_u16(L, a64_tkind_names[k], &t->lat[k], path, err, len))
                return false;
    lua_pop(L, 1);
    lua_getfield(L, -1, "store_buffer");
    if (lua_istable(L, -1)) {
        uint64_t depth = 0;
        if (!opt_uint(L, "depth", A64_SB_MAX, &depth, path, err, len) ||
            !read_u16(L, "drain", &t->sb_drain, path, err, len))
            return false;
        t->sb_depth = (uint8_t)depth;
    }
    lua_pop(L, 1);
    lua_getfield(L, -1, "sysreg");
    if (lua_istable(L, -1)) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            const char *name = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
            int id = name ? sysreg_by_name(name) : -1;
            if (id < 0 || !lua_istable(L, -1)) {
                snprintf(err, len, "%s: timing.sysreg: '%s' is not a system register with {read=, write=}",
                         path, name ? name : "?");
                return false;
            }
            if (!read_u16(L, "read", &t->sr_read[id], path, err, len) ||
                !read_u16(L, "write", &t->sr_write[id], path, err, len))
                return false;
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 2);
    return true;
}

/* Reads the table on top of the stack into out. */
static bool read_table(lua_State *L, const char *path, sim_model *out, char *err, size_t len)
{
    if (!lua_istable(L, -1)) {
        snprintf(err, len, "%s: a model file must return a table", path);
        return false;
    }
    lua_getfield(L, -1, "name");
    const char *name = lua_tostring(L, -1);
    if (!name) {
        snprintf(err, len, "%s: 'name' is missing or not a string", path);
        return false;
    }
    snprintf(out->name, sizeof out->name, "%s", name);
    lua_pop(L, 1);
    lua_getfield(L, -1, "midr");
    int isnum;
    lua_Integer midr = lua_tointegerx(L, -1, &isnum);
    if (!isnum || midr < 0 || midr > 0xffffffff) {
        snprintf(err, len, "%s: 'midr' must be a 32-bit integer", path);
        return false;
    }
    out->midr = (uint64_t)midr;
    lua_pop(L, 1);
    lua_getfield(L, -1, "features");
    if (!lua_istable(L, -1)) {
        snprintf(err, len, "%s: 'features' must be a list of names", path);
        return false;
    }
    for (lua_Integer i = 1; lua_geti(L, -1, i) != LUA_TNIL; i++) {
        const char *f = lua_tostring(L, -1);
        uint64_t bit;
        if (!f || !feature_bit(f, &bit)) {
            snprintf(err, len, "%s: unknown feature '%s'", path, f ? f : "(not a string)");
            return false;
        }
        out->feat |= bit;
        lua_pop(L, 1);
    }
    lua_pop(L, 2);
    a64_timing_default(&out->timing);
    if (!read_timing(L, path, out, err, len))
        return false;
    lua_getfield(L, -1, "async_take");
    const char *pol = lua_tostring(L, -1);
    if (pol && !model_policy(pol, &out->async_policy)) {
        snprintf(err, len, "%s: async_take must be \"earliest\" or \"latest\"", path);
        return false;
    }
    lua_pop(L, 1);
    lua_getfield(L, -1, "smccc_workarounds");
    if (lua_istable(L, -1)) {
        for (lua_Integer i = 1; lua_geti(L, -1, i) != LUA_TNIL; i++) {
            lua_Integer n = lua_tointegerx(L, -1, &isnum);
            if (!isnum || n < 1 || n > 3) {
                snprintf(err, len, "%s: smccc_workarounds entries must be 1, 2 or 3", path);
                return false;
            }
            out->workaround[n] = true;
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return true;
}

/* "unknown model 'x' (did you mean ...?) (known: a, b, or a path to a .lua file)" */
static void unknown_model(const char *arg, char *err, size_t len)
{
    char *names[64], known[512] = "", hint[256];
    int n = model_names(names, 64);
    sim_suggest s;
    suggest_init(&s, arg);
    size_t at = 0;
    for (int i = 0; i < n; i++) {
        suggest_offer(&s, names[i]);
        if (at < sizeof known)
            at += (size_t)snprintf(known + at, sizeof known - at, "%s, ", names[i]);
    }
    snprintf(err, len, "unknown model '%s'%s (known: %sor a path to a .lua file)", arg,
             suggest_text(&s, hint, sizeof hint), known);
    for (int i = 0; i < n; i++)
        free(names[i]);
}

bool model_load(const char *arg, sim_model *out, char *err, size_t len)
{
    memset(out, 0, sizeof *out);
    char path[1024];
    size_t n = strlen(arg);
    bool is_path = strchr(arg, '/') || (n > 4 && strcmp(arg + n - 4, ".lua") == 0);
    if (is_path)
        snprintf(path, sizeof path, "%s", arg);
    else
        snprintf(path, sizeof path, "%s/%s.lua", model_dir(), arg);
    struct stat sb;
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        snprintf(err, len, "%s: %s, not a model file", path, S_ISDIR(sb.st_mode) ? "a directory" : "not a regular file");
        return false;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        if (is_path)
            snprintf(err, len, "%s: cannot open the model file", path);
        else
            unknown_model(arg, err, len);
        return false;
    }
    fclose(f);
    model_heap heap = { 0, true };
    lua_State *L = lua_newstate(model_alloc, &heap);
    if (!L) {
        snprintf(err, len, "out of memory");
        return false;
    }
    // data only: no libraries are opened, so a model cannot do I/O; text
    // only (a precompiled chunk can crash Lua), in bounded time and memory
    lua_sethook(L, model_count_hook, LUA_MASKCOUNT, MODEL_MAX_STEPS);
    bool ok = false;
    int st = luaL_loadfilex(L, path, "t");
    if (st == LUA_OK)
        st = lua_pcall(L, 0, 1, 0);
    lua_sethook(L, NULL, 0, 0);
    heap.limited = false;
    if (st == LUA_ERRMEM) {
        snprintf(err, len, "malformed model file: %s: needs more than %zu MiB (a model file is data)", path,
                 MODEL_MAX_BYTES >> 20);
    } else if (st != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        snprintf(err, len, "malformed model file: %s", msg ? msg : "(no message)");
        if (strstr(err, "attempt to load a binary chunk"))
            snprintf(err, len, "malformed model file: %s: a precompiled Lua chunk (a model file is Lua text)", path);
    } else {
        ok = read_table(L, path, out, err, len);
    }
    lua_close(L);
    // Lua quotes tokens and names as the file has them: keep one line
    for (char *p = err; !ok && *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    return ok;
}

void model_apply(const sim_model *mdl, a64_cpu *c)
{
    c->feat = mdl->feat;
    c->sr[SR_MIDR_EL1] = mdl->midr;
    c->sr[SR_VPIDR_EL2] = mdl->midr; // VPIDR_EL2 resets to MIDR_EL1's value
    c->async_policy = mdl->async_policy;
    c->timing = mdl->timing;
    c->sr[SR_CNTFRQ_EL0] = mdl->counter_hz;
    a64_set_id_registers(c);
}

int model_list(FILE *out)
{
    char *names[64];
    int n = model_names(names, 64);
    if (n < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        sim_model mdl;
        char err[256];
        if (model_load(names[i], &mdl, err, sizeof err)) {
            fprintf(out, "%-14s MIDR 0x%08llx  features:", mdl.name, (unsigned long long)mdl.midr);
            for (int f = 1; f < FEAT_COUNT; f++)
                if (mdl.feat & FEAT_BIT(f))
                    fprintf(out, " %s", a64_feature_names[f]);
            fprintf(out, "  async-take: %s\n", mdl.async_policy == A64_ASYNC_LATEST ? "latest" : "earliest");
        } else {
            fprintf(out, "%-14s (broken: %s)\n", names[i], err);
        }
        free(names[i]);
    }
    return n;
}
