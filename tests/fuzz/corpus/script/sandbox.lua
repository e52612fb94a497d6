-- testdata/scenarios/negative/sandbox.lua: scenarios get Lua's base,
-- table, string and math libraries only: no io, os, package or load, so a
-- scenario is data and logic and cannot touch the host. Using io is an
-- error (exit 2).
expect(load == nil and dofile == nil and loadfile == nil and os == nil, "no loaders, no os")
io.write("must not be reached\n")
