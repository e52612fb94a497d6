/* tests/fuzz/fuzz_script.c: arbitrary bytes as a scenario script (sim
 * --script); every Lua state gets an instruction budget, runs a small one. */
#include <lauxlib.h>
#include <lua.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "options.h"
#include "script.h"

#define LUA_STEPS 200000

lua_State *__real_lua_newstate(lua_Alloc f, void *ud);

static void out_of_steps(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    luaL_error(L, "fuzz: the script's instruction budget is used up");
}

/* Linked with --wrap=lua_newstate: the scripts' states get a count hook,
 * so a loop in a script ends with a Lua error instead of hanging. */
lua_State *__wrap_lua_newstate(lua_Alloc f, void *ud)
{
    lua_State *L = __real_lua_newstate(f, ud);
    if (L)
        lua_sethook(L, out_of_steps, LUA_MASKCOUNT, LUA_STEPS);
    return L;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // a budget the script cannot raise (runs are C, out of the hook's reach)
    if (memmem(data, size, "max_", 4))
        return 0;
    char path[64];
    int fd = fuzz_memfile(data, size, path, sizeof path);
    if (fd < 0)
        return 0;
    char *argv[] = { "sim", "--script", path, "--max-insns", "20000", "--max-cycles", "50000", NULL };
    sim_options o;
    char err[256];
    FUZZ_CHECK(cli_parse(7, argv, &o, err, sizeof err) == CLI_RUN);
    int status = script_run(&o);
    FUZZ_CHECK(status >= 0 && status <= 4);
    fflush(stdout);
    close(fd);
    return 0;
}
